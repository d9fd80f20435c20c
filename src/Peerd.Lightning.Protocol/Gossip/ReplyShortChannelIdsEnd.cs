using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Messages;

namespace Peerd.Lightning.Protocol.Gossip;

/// <summary>
/// BOLT #7 <c>reply_short_channel_ids_end</c> (type 262): <c>[chain_hash:chain_hash] [byte:full_information]</c>.
/// "The explicit <c>reply_short_channel_ids_end</c> message means that the receiver can indicate it doesn't know
/// anything, and the sender doesn't need to rely on timeouts."
/// </summary>
public sealed class ReplyShortChannelIdsEnd : ILightningMessage
{
    /// <summary>The payload length: 32 + 1.</summary>
    public const int PayloadLength = ChainHash.Length + 1;

    /// <summary>Creates the message.</summary>
    public ReplyShortChannelIdsEnd(ChainHash chainHash, bool fullInformation)
    {
        ChainHash = chainHash;
        FullInformation = fullInformation;
    }

    /// <inheritdoc />
    public MessageType Type => MessageType.ReplyShortChannelIdsEnd;

    /// <summary>The chain (the query's).</summary>
    public ChainHash ChainHash { get; }

    /// <summary>"if does not maintain up-to-date channel information for <c>chain_hash</c>: MUST set <c>full_information</c> to 0."</summary>
    public bool FullInformation { get; }

    /// <inheritdoc />
    public int EncodedLength => LightningMessage.TypeLength + PayloadLength;

    /// <summary>Decodes a whole <c>reply_short_channel_ids_end</c> (type included); never throws. Trailing bytes are ignored.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> message, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ReplyShortChannelIdsEnd? reply, out DecodeFailure failure)
    {
        reply = null;
        if (!LightningMessage.TryBeginRead(message, MessageType.ReplyShortChannelIdsEnd, out var reader, out failure))
        {
            return false;
        }

        if (!reader.TryReadBytes(ChainHash.Length, out var chain) || !reader.TryReadBytes(1, out var full))
        {
            failure = DecodeFailure.Truncated(MessageType.ReplyShortChannelIdsEnd, "chain_hash and full_information");
            return false;
        }

        reply = new ReplyShortChannelIdsEnd(new ChainHash(chain), full[0] != 0);
        return true;
    }

    /// <inheritdoc />
    public int WriteTo(Span<byte> destination)
    {
        int length = EncodedLength;
        int offset = LightningMessage.BeginWrite(destination, Type, length);
        ChainHash.WriteTo(destination[offset..]);
        destination[offset + ChainHash.Length] = FullInformation ? (byte)1 : (byte)0;
        return length;
    }

    /// <summary>A log line.</summary>
    public override string ToString() => $"reply_short_channel_ids_end full_information={FullInformation}";
}
