using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Messages;

namespace Peerd.Lightning.Protocol.Gossip;

/// <summary>
/// BOLT #7 <c>query_short_channel_ids</c> (type 261): <c>[chain_hash:chain_hash] [u16:len]
/// [len*byte:encoded_short_ids] [query_short_channel_ids_tlvs:tlvs]</c>. The ids and the TLV stream
/// (<c>query_flags</c>) are kept as bytes.
/// </summary>
public sealed class QueryShortChannelIds : ILightningMessage
{
    private readonly byte[] _encodedShortIds;
    private readonly byte[] _extension;

    /// <summary>Creates a query.</summary>
    public QueryShortChannelIds(ChainHash chainHash, ReadOnlySpan<byte> encodedShortIds, ReadOnlySpan<byte> extension = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(encodedShortIds.Length, ushort.MaxValue, nameof(encodedShortIds));
        ChainHash = chainHash;
        _encodedShortIds = encodedShortIds.ToArray();
        _extension = extension.ToArray();
    }

    /// <inheritdoc />
    public MessageType Type => MessageType.QueryShortChannelIds;

    /// <summary>The chain the ids refer to.</summary>
    public ChainHash ChainHash { get; }

    /// <summary>The encoding byte followed by the ids.</summary>
    public ReadOnlySpan<byte> EncodedShortIds => _encodedShortIds;

    /// <summary>The <c>query_short_channel_ids_tlvs</c> bytes.</summary>
    public ReadOnlySpan<byte> Extension => _extension;

    /// <inheritdoc />
    public int EncodedLength => LightningMessage.TypeLength + ChainHash.Length + 2 + _encodedShortIds.Length + _extension.Length;

    /// <summary>Decodes a whole <c>query_short_channel_ids</c> (type included); never throws.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> message, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out QueryShortChannelIds? query, out DecodeFailure failure)
    {
        query = null;
        if (!LightningMessage.TryBeginRead(message, MessageType.QueryShortChannelIds, out var reader, out failure))
        {
            return false;
        }

        if (!reader.TryReadBytes(ChainHash.Length, out var chain))
        {
            failure = DecodeFailure.Truncated(MessageType.QueryShortChannelIds, "chain_hash");
            return false;
        }

        if (!reader.TryReadU16Prefixed(out var ids))
        {
            failure = DecodeFailure.Truncated(MessageType.QueryShortChannelIds, "encoded_short_ids");
            return false;
        }

        query = new QueryShortChannelIds(new ChainHash(chain), ids, reader.Remaining);
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
    public override string ToString() => $"query_short_channel_ids ({_encodedShortIds.Length} bytes of ids)";
}
