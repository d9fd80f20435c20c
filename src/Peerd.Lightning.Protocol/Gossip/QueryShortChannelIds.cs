using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Lightning.Protocol.Tlv;

namespace Peerd.Lightning.Protocol.Gossip;

/// <summary>
/// BOLT #7 <c>query_short_channel_ids</c> (type 261): <c>[chain_hash:chain_hash] [u16:len]
/// [len*byte:encoded_short_ids] [query_short_channel_ids_tlvs:tlvs]</c>. The ids are kept as bytes; the TLV stream is
/// read strictly and its one known record decoded: <c>query_flags</c> (type 1, <c>[byte:encoding_type]
/// [...*byte:encoded_query_flags]</c>, one <c>bigsize</c> <see cref="QueryFlag"/> per id, uncompressed only).
/// </summary>
public sealed class QueryShortChannelIds : ILightningMessage
{
    /// <summary>The <c>query_flags</c> record type.</summary>
    public const ulong QueryFlagsType = 1;

    private readonly byte[] _encodedShortIds;
    private readonly byte[] _extension;

    /// <summary>Creates a query, with a <c>query_flags</c> record (encoding 0) when <paramref name="queryFlags"/> is given.</summary>
    public QueryShortChannelIds(ChainHash chainHash, ReadOnlySpan<byte> encodedShortIds, IReadOnlyList<QueryFlag>? queryFlags = null)
        : this(chainHash, encodedShortIds.ToArray(), queryFlags, Encode(queryFlags))
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(encodedShortIds.Length, ushort.MaxValue, nameof(encodedShortIds));
    }

    private QueryShortChannelIds(ChainHash chainHash, byte[] encodedShortIds, IReadOnlyList<QueryFlag>? queryFlags, byte[] extension)
    {
        ChainHash = chainHash;
        _encodedShortIds = encodedShortIds;
        QueryFlags = queryFlags;
        _extension = extension;
    }

    /// <summary>The <c>query_short_channel_ids_tlvs</c> this version knows.</summary>
    public static TlvNamespace TlvTypes { get; } = new(
        "query_short_channel_ids_tlvs",
        new TlvRecordSpec(QueryFlagsType, "query_flags", TlvValueRules.AtLeast(1)));

    /// <inheritdoc />
    public MessageType Type => MessageType.QueryShortChannelIds;

    /// <summary>The chain the ids refer to.</summary>
    public ChainHash ChainHash { get; }

    /// <summary>The encoding byte followed by the ids.</summary>
    public ReadOnlySpan<byte> EncodedShortIds => _encodedShortIds;

    /// <summary>
    /// The decoded <c>encoded_query_flags</c>, or null when the query has no <c>query_flags</c> (then it asks for
    /// everything). Their count is not checked against the ids here: the receiver decides what a mismatch means.
    /// </summary>
    public IReadOnlyList<QueryFlag>? QueryFlags { get; }

    /// <summary>The <c>query_short_channel_ids_tlvs</c> bytes.</summary>
    public ReadOnlySpan<byte> Extension => _extension;

    /// <inheritdoc />
    public int EncodedLength => LightningMessage.TypeLength + ChainHash.Length + 2 + _encodedShortIds.Length + _extension.Length;

    /// <summary>
    /// Decodes a whole <c>query_short_channel_ids</c> (type included); never throws. An invalid TLV stream, a
    /// <c>query_flags</c> in an unknown encoding or with a truncated or non-minimal <c>bigsize</c> fails it.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> message, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out QueryShortChannelIds? query, out DecodeFailure failure)
    {
        const MessageType type = MessageType.QueryShortChannelIds;
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

        if (!reader.TryReadU16Prefixed(out var ids))
        {
            failure = DecodeFailure.Truncated(type, "encoded_short_ids");
            return false;
        }

        List<QueryFlag>? flags = null;
        var tlvs = new TlvReader(reader.Remaining, TlvTypes);
        while (tlvs.TryReadNext(out var record))
        {
            if (!TryDecodeFlags(record.Value, out flags, out string? problem))
            {
                failure = DecodeFailure.InvalidField(type, "query_flags: " + problem);
                return false;
            }
        }

        if (tlvs.Error != TlvError.None)
        {
            failure = DecodeFailure.InvalidExtension(type, tlvs.Error, tlvs.ErrorType);
            return false;
        }

        query = new QueryShortChannelIds(new ChainHash(chain), ids.ToArray(), flags, reader.Remaining.ToArray());
        return true;
    }

    /// <inheritdoc />
    public int WriteTo(Span<byte> destination)
    {
        int length = EncodedLength;
        int offset = LightningMessage.BeginWrite(destination, Type, length);
        ChainHash.WriteTo(destination[offset..]);
        offset += ChainHash.Length;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], (ushort)_encodedShortIds.Length);
        offset += 2;
        _encodedShortIds.CopyTo(destination[offset..]);
        _extension.CopyTo(destination[(offset + _encodedShortIds.Length)..]);
        return length;
    }

    /// <summary>A log line.</summary>
    public override string ToString() => QueryFlags is null
        ? $"query_short_channel_ids ({_encodedShortIds.Length} bytes of ids)"
        : $"query_short_channel_ids ({_encodedShortIds.Length} bytes of ids, {QueryFlags.Count} query_flags)";

    private static bool TryDecodeFlags(ReadOnlySpan<byte> value, out List<QueryFlag>? flags, out string? problem)
    {
        flags = null;
        if (value[0] != ShortChannelIdEncoding.Uncompressed)
        {
            problem = $"unknown encoding_type {value[0]}";
            return false;
        }

        var decoded = new List<QueryFlag>();
        var encoded = value[1..];
        while (!encoded.IsEmpty)
        {
            var status = BigSize.TryRead(encoded, out ulong flag, out int read);
            if (status != BigSizeStatus.Done)
            {
                problem = status == BigSizeStatus.NotCanonical ? "query_flag not minimally encoded" : "query_flag truncated";
                return false;
            }

            decoded.Add((QueryFlag)flag);
            encoded = encoded[read..];
        }

        flags = decoded;
        problem = null;
        return true;
    }

    private static byte[] Encode(IReadOnlyList<QueryFlag>? flags)
    {
        if (flags is null)
        {
            return [];
        }

        int valueLength = 1 + flags.Sum(f => BigSize.GetLength((ulong)f));
        var value = new byte[valueLength];
        value[0] = ShortChannelIdEncoding.Uncompressed;
        int offset = 1;
        foreach (var flag in flags)
        {
            offset += BigSize.Write((ulong)flag, value.AsSpan(offset));
        }

        var record = new byte[TlvWriter.GetRecordLength(QueryFlagsType, valueLength)];
        TlvWriter.WriteRecord(QueryFlagsType, value, record);
        return record;
    }
}
