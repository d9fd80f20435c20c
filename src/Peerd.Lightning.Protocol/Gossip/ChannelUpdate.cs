using System.Buffers.Binary;
using Peerd.Crypto;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Messages;

namespace Peerd.Lightning.Protocol.Gossip;

/// <summary>
/// BOLT #7 <c>channel_update</c> (type 258), read in place over the whole message: <c>[signature:signature]
/// [chain_hash:chain_hash] [short_channel_id:short_channel_id] [u32:timestamp] [byte:message_flags]
/// [byte:channel_flags] [u16:cltv_expiry_delta] [u64:htlc_minimum_msat] [u32:fee_base_msat]
/// [u32:fee_proportional_millionths] [u64:htlc_maximum_msat]</c>. The signature, by the node at the
/// <c>direction</c> end, covers the double-SHA256 of everything after it.
/// </summary>
public sealed class ChannelUpdate
{
    /// <summary>Where the signed part begins.</summary>
    public const int SignedOffset = LightningMessage.TypeLength + Secp256k1.CompactSignatureLength;

    /// <summary>The message's length without extensions: 2 + 64 + 32 + 8 + 4 + 1 + 1 + 2 + 8 + 4 + 4 + 8.</summary>
    public const int Length = SignedOffset + ChainHash.Length + 8 + 4 + 1 + 1 + 2 + 8 + 4 + 4 + 8;

    /// <summary><c>message_flags</c> bit 0: <c>must_be_one</c> (<c>htlc_maximum_msat</c> is present).</summary>
    public const byte MustBeOne = 1;

    /// <summary><c>message_flags</c> bit 1: <c>dont_forward</c>.</summary>
    public const byte DontForwardFlag = 2;

    /// <summary><c>channel_flags</c> bit 0: <c>direction</c> (1: sent by node 2).</summary>
    public const byte DirectionFlag = 1;

    /// <summary><c>channel_flags</c> bit 1: <c>disable</c>.</summary>
    public const byte DisableFlag = 2;

    private const int ChainOffset = SignedOffset;
    private const int ScidOffset = ChainOffset + ChainHash.Length;
    private const int TimestampOffset = ScidOffset + 8;
    private const int MessageFlagsOffset = TimestampOffset + 4;
    private const int ChannelFlagsOffset = MessageFlagsOffset + 1;
    private const int CltvOffset = ChannelFlagsOffset + 1;
    private const int HtlcMinimumOffset = CltvOffset + 2;
    private const int FeeBaseOffset = HtlcMinimumOffset + 8;
    private const int FeeProportionalOffset = FeeBaseOffset + 4;
    private const int HtlcMaximumOffset = FeeProportionalOffset + 4;

    private readonly byte[] _message;

    private ChannelUpdate(byte[] message) => _message = message;

    /// <summary>The whole message (type included), as received.</summary>
    public ReadOnlyMemory<byte> Message => _message;

    /// <summary>The signature.</summary>
    public ReadOnlySpan<byte> Signature => _message.AsSpan(LightningMessage.TypeLength, Secp256k1.CompactSignatureLength);

    /// <summary>The chain.</summary>
    public ChainHash ChainHash => new(_message.AsSpan(ChainOffset, ChainHash.Length));

    /// <summary>The channel.</summary>
    public ShortChannelId ShortChannelId => ShortChannelId.Read(_message.AsSpan(ScidOffset));

    /// <summary>The update's timestamp: a newer one replaces an older one.</summary>
    public uint Timestamp => ReadTimestamp(_message);

    /// <summary><c>message_flags</c>.</summary>
    public byte MessageFlags => _message[MessageFlagsOffset];

    /// <summary><c>channel_flags</c>.</summary>
    public byte ChannelFlags => _message[ChannelFlagsOffset];

    /// <summary>0 when node 1 sent it, 1 when node 2 did.</summary>
    public int Direction => ChannelFlags & DirectionFlag;

    /// <summary>The channel is disabled in this direction.</summary>
    public bool IsDisabled => (ChannelFlags & DisableFlag) != 0;

    /// <summary>The update is for the peer only, not to be relayed.</summary>
    public bool DontForward => (MessageFlags & DontForwardFlag) != 0;

    /// <summary><c>cltv_expiry_delta</c>.</summary>
    public ushort CltvExpiryDelta => BinaryPrimitives.ReadUInt16BigEndian(_message.AsSpan(CltvOffset));

    /// <summary><c>htlc_minimum_msat</c>.</summary>
    public ulong HtlcMinimumMsat => BinaryPrimitives.ReadUInt64BigEndian(_message.AsSpan(HtlcMinimumOffset));

    /// <summary><c>fee_base_msat</c>.</summary>
    public uint FeeBaseMsat => BinaryPrimitives.ReadUInt32BigEndian(_message.AsSpan(FeeBaseOffset));

    /// <summary><c>fee_proportional_millionths</c>.</summary>
    public uint FeeProportionalMillionths => BinaryPrimitives.ReadUInt32BigEndian(_message.AsSpan(FeeProportionalOffset));

    /// <summary><c>htlc_maximum_msat</c>.</summary>
    public ulong HtlcMaximumMsat => BinaryPrimitives.ReadUInt64BigEndian(_message.AsSpan(HtlcMaximumOffset));

    /// <summary>The timestamp of a whole <c>channel_update</c> already known to be long enough.</summary>
    public static uint ReadTimestamp(ReadOnlySpan<byte> message) => BinaryPrimitives.ReadUInt32BigEndian(message[TimestampOffset..]);

    /// <summary>
    /// Reads a whole <c>channel_update</c> (type included) without copying it; never throws. BOLT #7: a receiver
    /// "MUST ignore" an update whose <c>must_be_one</c> bit is clear — refused here with that reason.
    /// </summary>
    public static bool TryRead(byte[] message, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ChannelUpdate? update, out DecodeFailure failure)
    {
        ArgumentNullException.ThrowIfNull(message);
        update = null;
        if (!LightningMessage.TryBeginRead(message, MessageType.ChannelUpdate, out _, out failure))
        {
            return false;
        }

        if (message.Length < Length)
        {
            failure = DecodeFailure.Truncated(MessageType.ChannelUpdate, message.Length < TimestampOffset ? "short_channel_id" : "fees");
            return false;
        }

        if ((message[MessageFlagsOffset] & MustBeOne) == 0)
        {
            failure = DecodeFailure.InvalidField(MessageType.ChannelUpdate, "message_flags must_be_one is not set");
            return false;
        }

        update = new ChannelUpdate(message);
        return true;
    }

    /// <summary>Writes the 32-byte digest the signature covers.</summary>
    public void ComputeSignedHash(Span<byte> hash) => GossipHash.DoubleSha256(_message.AsSpan(SignedOffset), hash);

    /// <summary>True when the signature verifies (low-S) under <paramref name="nodeId"/> over <paramref name="hash"/>.</summary>
    public bool VerifySignature(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> nodeId) => Secp256k1.VerifyCompact(Signature, hash, nodeId);

    /// <inheritdoc />
    public override string ToString() => $"channel_update {ShortChannelId}/{Direction} timestamp={Timestamp}";
}
