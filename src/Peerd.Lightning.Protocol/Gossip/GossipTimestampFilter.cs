using System.Buffers.Binary;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Messages;

namespace Peerd.Lightning.Protocol.Gossip;

/// <summary>
/// BOLT #7 <c>gossip_timestamp_filter</c> (type 265): <c>[chain_hash:chain_hash] [u32:first_timestamp]
/// [u32:timestamp_range]</c>. A peer that negotiated <c>gossip_queries</c> sends it to say which gossip it wants;
/// Peerd has no gossip to give, so recognising it is enough.
/// </summary>
public sealed class GossipTimestampFilter : ILightningMessage
{
    /// <summary>The payload length: 32 + 4 + 4.</summary>
    public const int PayloadLength = ChainHash.Length + 4 + 4;

    /// <summary>Creates a filter.</summary>
    public GossipTimestampFilter(ChainHash chainHash, uint firstTimestamp, uint timestampRange)
    {
        ChainHash = chainHash;
        FirstTimestamp = firstTimestamp;
        TimestampRange = timestampRange;
    }

    /// <inheritdoc />
    public MessageType Type => MessageType.GossipTimestampFilter;

    /// <summary>The chain the filter is for.</summary>
    public ChainHash ChainHash { get; }

    /// <summary>The first timestamp of gossip wanted.</summary>
    public uint FirstTimestamp { get; }

    /// <summary>How many seconds after <see cref="FirstTimestamp"/> gossip is wanted.</summary>
    public uint TimestampRange { get; }

    /// <inheritdoc />
    public int EncodedLength => LightningMessage.TypeLength + PayloadLength;

    /// <summary>Decodes a whole <c>gossip_timestamp_filter</c> (type included); never throws. Trailing bytes are ignored.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> message, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GossipTimestampFilter? filter, out DecodeFailure failure)
    {
        filter = null;
        if (!LightningMessage.TryBeginRead(message, MessageType.GossipTimestampFilter, out _, out failure))
        {
            return false;
        }

        var payload = message[LightningMessage.TypeLength..];
        if (payload.Length < PayloadLength)
        {
            failure = DecodeFailure.Truncated(MessageType.GossipTimestampFilter, payload.Length < ChainHash.Length ? "chain_hash" : "timestamps");
            return false;
        }

        filter = new GossipTimestampFilter(
            new ChainHash(payload[..ChainHash.Length]),
            BinaryPrimitives.ReadUInt32BigEndian(payload[ChainHash.Length..]),
            BinaryPrimitives.ReadUInt32BigEndian(payload[(ChainHash.Length + 4)..]));
        return true;
    }

    /// <inheritdoc />
    public int WriteTo(Span<byte> destination)
    {
        int length = EncodedLength;
        int offset = LightningMessage.BeginWrite(destination, Type, length);
        ChainHash.WriteTo(destination[offset..]);
        BinaryPrimitives.WriteUInt32BigEndian(destination[(offset + ChainHash.Length)..], FirstTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[(offset + ChainHash.Length + 4)..], TimestampRange);
        return length;
    }

    /// <summary>A log line.</summary>
    public override string ToString() => $"gossip_timestamp_filter first={FirstTimestamp} range={TimestampRange}";
}
