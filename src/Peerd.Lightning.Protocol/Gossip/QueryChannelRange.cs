using System.Buffers.Binary;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Lightning.Protocol.Tlv;

namespace Peerd.Lightning.Protocol.Gossip;

/// <summary>
/// BOLT #7 <c>query_channel_range</c> (type 263): <c>[chain_hash:chain_hash] [u32:first_blocknum]
/// [u32:number_of_blocks] [query_channel_range_tlvs:tlvs]</c>. The TLV stream is read strictly (BOLT #1: an unknown
/// even type or a malformed record fails the message); its one known record is <c>query_option</c> (type 1,
/// <c>[bigsize:query_option_flags]</c>).
/// </summary>
public sealed class QueryChannelRange : ILightningMessage
{
    /// <summary>The fixed part of the payload: 32 + 4 + 4.</summary>
    public const int FixedPayloadLength = ChainHash.Length + 4 + 4;

    /// <summary>The <c>query_option</c> record type.</summary>
    public const ulong QueryOptionType = 1;

    private readonly byte[] _extension;

    /// <summary>Creates a query, with a <c>query_option</c> record when <paramref name="queryOption"/> is given.</summary>
    public QueryChannelRange(ChainHash chainHash, uint firstBlocknum, uint numberOfBlocks, QueryOptionFlags? queryOption = null)
        : this(chainHash, firstBlocknum, numberOfBlocks, queryOption, Encode(queryOption))
    {
    }

    private QueryChannelRange(ChainHash chainHash, uint firstBlocknum, uint numberOfBlocks, QueryOptionFlags? queryOption, byte[] extension)
    {
        ChainHash = chainHash;
        FirstBlocknum = firstBlocknum;
        NumberOfBlocks = numberOfBlocks;
        QueryOption = queryOption;
        _extension = extension;
    }

    /// <summary>The <c>query_channel_range_tlvs</c> this version knows.</summary>
    public static TlvNamespace TlvTypes { get; } = new(
        "query_channel_range_tlvs",
        new TlvRecordSpec(QueryOptionType, "query_option", TlvValueRules.BigSizeValue));

    /// <inheritdoc />
    public MessageType Type => MessageType.QueryChannelRange;

    /// <summary>The chain the query is about.</summary>
    public ChainHash ChainHash { get; }

    /// <summary>The first block the sender wants channels for.</summary>
    public uint FirstBlocknum { get; }

    /// <summary>How many blocks ("MUST set <c>number_of_blocks</c> to 1 or greater").</summary>
    public uint NumberOfBlocks { get; }

    /// <summary>The <c>query_option_flags</c>, or null when the query has no <c>query_option</c>.</summary>
    public QueryOptionFlags? QueryOption { get; }

    /// <summary>True when the sender asked for <c>timestamps_tlv</c>.</summary>
    public bool WantsTimestamps => QueryOption is { } o && (o & QueryOptionFlags.Timestamps) != 0;

    /// <summary>True when the sender asked for <c>checksums_tlv</c>.</summary>
    public bool WantsChecksums => QueryOption is { } o && (o & QueryOptionFlags.Checksums) != 0;

    /// <summary>The <c>query_channel_range_tlvs</c> bytes (as received, unknown odd records included).</summary>
    public ReadOnlySpan<byte> Extension => _extension;

    /// <inheritdoc />
    public int EncodedLength => LightningMessage.TypeLength + FixedPayloadLength + _extension.Length;

    /// <summary>Decodes a whole <c>query_channel_range</c> (type included); never throws.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> message, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out QueryChannelRange? query, out DecodeFailure failure)
    {
        const MessageType type = MessageType.QueryChannelRange;
        query = null;
        if (!LightningMessage.TryBeginRead(message, type, out var reader, out failure))
        {
            return false;
        }

        if (!reader.TryReadBytes(ChainHash.Length, out var chain))
        {
            failure = DecodeFailure.Truncated(type, "chain_hash");
            return false;
        }

        if (!reader.TryReadU32(out uint first) || !reader.TryReadU32(out uint number))
        {
            failure = DecodeFailure.Truncated(type, "block range");
            return false;
        }

        QueryOptionFlags? option = null;
        var tlvs = new TlvReader(reader.Remaining, TlvTypes);
        while (tlvs.TryReadNext(out var record))
        {
            BigSize.TryRead(record.Value, out ulong flags, out _);
            option = (QueryOptionFlags)flags;
        }

        if (tlvs.Error != TlvError.None)
        {
            failure = DecodeFailure.InvalidExtension(type, tlvs.Error, tlvs.ErrorType);
            return false;
        }

        query = new QueryChannelRange(new ChainHash(chain), first, number, option, reader.Remaining.ToArray());
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
    public override string ToString() => QueryOption is { } option
        ? $"query_channel_range {FirstBlocknum}+{NumberOfBlocks} query_option={(ulong)option}"
        : $"query_channel_range {FirstBlocknum}+{NumberOfBlocks}";

    private static byte[] Encode(QueryOptionFlags? option)
    {
        if (option is not { } flags)
        {
            return [];
        }

        Span<byte> value = stackalloc byte[BigSize.MaxLength];
        int valueLength = BigSize.Write((ulong)flags, value);
        var record = new byte[TlvWriter.GetRecordLength(QueryOptionType, valueLength)];
        TlvWriter.WriteRecord(QueryOptionType, value[..valueLength], record);
        return record;
    }
}
