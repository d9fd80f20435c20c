using System.Buffers.Binary;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Messages;

namespace Peerd.Lightning.Protocol.Gossip;

/// <summary>
/// BOLT #7 <c>query_channel_range</c> (type 263): <c>[chain_hash:chain_hash] [u32:first_blocknum]
/// [u32:number_of_blocks] [query_channel_range_tlvs:tlvs]</c>. The TLV stream (<c>query_option</c>) is kept as an
/// uninterpreted <see cref="Extension"/>: a node without a channel graph has no timestamps or checksums to add.
/// </summary>
public sealed class QueryChannelRange : ILightningMessage
{
    /// <summary>The fixed part of the payload: 32 + 4 + 4.</summary>
    public const int FixedPayloadLength = ChainHash.Length + 4 + 4;

    private readonly byte[] _extension;

    /// <summary>Creates a query.</summary>
    public QueryChannelRange(ChainHash chainHash, uint firstBlocknum, uint numberOfBlocks, ReadOnlySpan<byte> extension = default)
    {
        ChainHash = chainHash;
        FirstBlocknum = firstBlocknum;
        NumberOfBlocks = numberOfBlocks;
        _extension = extension.ToArray();
    }

    /// <inheritdoc />
    public MessageType Type => MessageType.QueryChannelRange;

    /// <summary>The chain the query is about.</summary>
    public ChainHash ChainHash { get; }

    /// <summary>The first block the sender wants channels for.</summary>
    public uint FirstBlocknum { get; }

    /// <summary>How many blocks ("MUST set <c>number_of_blocks</c> to 1 or greater").</summary>
    public uint NumberOfBlocks { get; }

    /// <summary>The <c>query_channel_range_tlvs</c> bytes as received.</summary>
    public ReadOnlySpan<byte> Extension => _extension;

    /// <inheritdoc />
    public int EncodedLength => LightningMessage.TypeLength + FixedPayloadLength + _extension.Length;

    /// <summary>Decodes a whole <c>query_channel_range</c> (type included); never throws.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> message, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out QueryChannelRange? query, out DecodeFailure failure)
    {
        query = null;
        if (!LightningMessage.TryBeginRead(message, MessageType.QueryChannelRange, out var reader, out failure))
        {
            return false;
        }

        if (!reader.TryReadBytes(ChainHash.Length, out var chain))
        {
            failure = DecodeFailure.Truncated(MessageType.QueryChannelRange, "chain_hash");
            return false;
        }

        if (!reader.TryReadU32(out uint first) || !reader.TryReadU32(out uint number))
        {
            failure = DecodeFailure.Truncated(MessageType.QueryChannelRange, "block range");
            return false;
        }

        query = new QueryChannelRange(new ChainHash(chain), first, number, reader.Remaining);
        return true;
    }

    /// <inheritdoc />
    public int WriteTo(Span<byte> destination)
    {
        int length = EncodedLength;
        int offset = LightningMessage.BeginWrite(destination, Type, length);
        ChainHash.WriteTo(destination[offset..]);
        offset += ChainHash.Length;
        BinaryPrimitives.WriteUInt32BigEndian(destination[offset..], FirstBlocknum);
        BinaryPrimitives.WriteUInt32BigEndian(destination[(offset + 4)..], NumberOfBlocks);
        _extension.CopyTo(destination[(offset + 8)..]);
        return length;
    }

    /// <summary>A log line.</summary>
    public override string ToString() => $"query_channel_range {FirstBlocknum}+{NumberOfBlocks}";
}
