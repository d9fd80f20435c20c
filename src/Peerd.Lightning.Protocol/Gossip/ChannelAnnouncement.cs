using System.Buffers.Binary;
using Peerd.Crypto;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Messages;

namespace Peerd.Lightning.Protocol.Gossip;

/// <summary>
/// BOLT #7 <c>channel_announcement</c> (type 256), read in place over the whole message: <c>[signature:node_signature_1]
/// [signature:node_signature_2] [signature:bitcoin_signature_1] [signature:bitcoin_signature_2] [u16:len]
/// [len*byte:features] [chain_hash:chain_hash] [short_channel_id:short_channel_id] [point:node_id_1]
/// [point:node_id_2] [point:bitcoin_key_1] [point:bitcoin_key_2]</c>. The four signatures cover the double-SHA256 of
/// everything from <c>len</c> on.
/// </summary>
public sealed class ChannelAnnouncement
{
    /// <summary>Where the signed part begins: the type and four signatures precede it.</summary>
    public const int SignedOffset = LightningMessage.TypeLength + (4 * Secp256k1.CompactSignatureLength);

    /// <summary>The shortest valid message (no features).</summary>
    public const int MinLength = SignedOffset + 2 + ChainHash.Length + 8 + (4 * Secp256k1.PublicKeyLength);

    private readonly byte[] _message;
    private readonly int _chainOffset;

    private ChannelAnnouncement(byte[] message, int featuresLength)
    {
        _message = message;
        _chainOffset = SignedOffset + 2 + featuresLength;
    }

    /// <summary>The whole message (type included), as received: it is what is stored and relayed.</summary>
    public ReadOnlyMemory<byte> Message => _message;

    /// <summary>The <c>features</c> field's bytes.</summary>
    public ReadOnlySpan<byte> Features => _message.AsSpan(SignedOffset + 2, _chainOffset - SignedOffset - 2);

    /// <summary>The chain this channel is on.</summary>
    public ChainHash ChainHash => new(_message.AsSpan(_chainOffset, ChainHash.Length));

    /// <summary>The channel's id.</summary>
    public ShortChannelId ShortChannelId => ShortChannelId.Read(_message.AsSpan(_chainOffset + ChainHash.Length));

    /// <summary>The lesser of the two node ids.</summary>
    public ReadOnlySpan<byte> NodeId1 => Key(0);

    /// <summary>The greater of the two node ids.</summary>
    public ReadOnlySpan<byte> NodeId2 => Key(1);

    /// <summary>Node 1's funding key.</summary>
    public ReadOnlySpan<byte> BitcoinKey1 => Key(2);

    /// <summary>Node 2's funding key.</summary>
    public ReadOnlySpan<byte> BitcoinKey2 => Key(3);

    /// <summary>The four signatures in wire order: node 1, node 2, bitcoin 1, bitcoin 2.</summary>
    public ReadOnlySpan<byte> Signature(int index) =>
        _message.AsSpan(LightningMessage.TypeLength + (index * Secp256k1.CompactSignatureLength), Secp256k1.CompactSignatureLength);

    /// <summary>The key that signature <paramref name="index"/> must verify under.</summary>
    public ReadOnlySpan<byte> Key(int index) =>
        _message.AsSpan(_chainOffset + ChainHash.Length + 8 + (index * Secp256k1.PublicKeyLength), Secp256k1.PublicKeyLength);

    /// <summary>
    /// Reads a whole <c>channel_announcement</c> (type included) without copying it; never throws. Checks the
    /// lengths and that <c>node_id_1</c> sorts before <c>node_id_2</c> (BOLT #7: "MUST set <c>node_id_1</c> … to the
    /// lexicographically-lesser of the two compressed keys"), not the signatures.
    /// </summary>
    public static bool TryRead(byte[] message, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ChannelAnnouncement? announcement, out DecodeFailure failure)
    {
        ArgumentNullException.ThrowIfNull(message);
        announcement = null;
        if (!LightningMessage.TryBeginRead(message, MessageType.ChannelAnnouncement, out _, out failure))
        {
            return false;
        }

        if (message.Length < SignedOffset + 2)
        {
            failure = DecodeFailure.Truncated(MessageType.ChannelAnnouncement, "signatures");
            return false;
        }

        int featuresLength = BinaryPrimitives.ReadUInt16BigEndian(message.AsSpan(SignedOffset));
        if (message.Length < MinLength + featuresLength)
        {
            failure = DecodeFailure.Truncated(MessageType.ChannelAnnouncement, featuresLength > message.Length - SignedOffset - 2 ? "features" : "keys");
            return false;
        }

        var read = new ChannelAnnouncement(message, featuresLength);
        if (read.NodeId1.SequenceCompareTo(read.NodeId2) >= 0)
        {
            failure = DecodeFailure.InvalidField(MessageType.ChannelAnnouncement, "node_id_1 is not less than node_id_2");
            return false;
        }

        announcement = read;
        return true;
    }

    /// <summary>Writes the 32-byte digest the four signatures cover.</summary>
    public void ComputeSignedHash(Span<byte> hash) => GossipHash.DoubleSha256(_message.AsSpan(SignedOffset), hash);

    /// <summary>True when all four signatures verify (low-S) over <paramref name="hash"/> (<see cref="ComputeSignedHash"/>).</summary>
    public bool VerifySignatures(ReadOnlySpan<byte> hash)
    {
        for (int i = 0; i < 4; i++)
        {
            if (!Secp256k1.VerifyCompact(Signature(i), hash, Key(i)))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"channel_announcement {ShortChannelId}";
}
