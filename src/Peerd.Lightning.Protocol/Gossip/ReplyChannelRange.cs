using System.Buffers.Binary;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Lightning.Protocol.Tlv;

namespace Peerd.Lightning.Protocol.Gossip;

/// <summary>
/// BOLT #7 <c>reply_channel_range</c> (type 264): <c>[chain_hash:chain_hash] [u32:first_blocknum]
/// [u32:number_of_blocks] [byte:sync_complete] [u16:len] [len*byte:encoded_short_ids]
/// [reply_channel_range_tlvs:tlvs]</c>. <c>encoded_short_ids</c> is kept as bytes; the TLV stream is read strictly
/// and its known records decoded: <c>timestamps_tlv</c> (type 1, <c>[byte:encoding_type]
/// [...*byte:encoded_timestamps]</c>, uncompressed <c>channel_update_timestamps</c> only) and <c>checksums_tlv</c>
/// (type 3, <c>[...*channel_update_checksums:checksums]</c>).
/// </summary>
public sealed class ReplyChannelRange : ILightningMessage
{
    /// <summary>The fixed part of the payload before <c>encoded_short_ids</c>: 32 + 4 + 4 + 1 + 2.</summary>
    public const int FixedPayloadLength = ChainHash.Length + 4 + 4 + 1 + 2;

    /// <summary>The <c>timestamps_tlv</c> record type.</summary>
    public const ulong TimestampsType = 1;

    /// <summary>The <c>checksums_tlv</c> record type.</summary>
    public const ulong ChecksumsType = 3;

    private readonly byte[] _encodedShortIds;
    private readonly byte[] _extension;

    /// <summary>
    /// Creates a reply; <paramref name="timestamps"/> and <paramref name="checksums"/>, when given, hold one entry per
    /// id, in the ids' order (an <see cref="ArgumentException"/> otherwise).
    /// </summary>
    public ReplyChannelRange(
        ChainHash chainHash,
        uint firstBlocknum,
        uint numberOfBlocks,
        bool syncComplete,
        ReadOnlySpan<byte> encodedShortIds,
        IReadOnlyList<ChannelUpdateTimestamps>? timestamps = null,
        IReadOnlyList<ChannelUpdateChecksums>? checksums = null)
        : this(chainHash, firstBlocknum, numberOfBlocks, syncComplete, encodedShortIds.ToArray(), timestamps, checksums, Encode(timestamps, checksums))
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(encodedShortIds.Length, ushort.MaxValue, nameof(encodedShortIds));
        int ids = ShortChannelIdEncoding.IsWellFormed(encodedShortIds) ? (encodedShortIds.Length - 1) / ShortChannelIdEncoding.ShortChannelIdLength : -1;
        if ((timestamps is not null && timestamps.Count != ids) || (checksums is not null && checksums.Count != ids))
        {
            throw new ArgumentException("timestamps and checksums need one entry per uncompressed id");
        }
    }

    private ReplyChannelRange(
        ChainHash chainHash,
        uint firstBlocknum,
        uint numberOfBlocks,
        bool syncComplete,
        byte[] encodedShortIds,
        IReadOnlyList<ChannelUpdateTimestamps>? timestamps,
        IReadOnlyList<ChannelUpdateChecksums>? checksums,
        byte[] extension)
    {
        ChainHash = chainHash;
        FirstBlocknum = firstBlocknum;
        NumberOfBlocks = numberOfBlocks;
        SyncComplete = syncComplete;
        _encodedShortIds = encodedShortIds;
        Timestamps = timestamps;
        Checksums = checksums;
        _extension = extension;
    }

    /// <summary>The <c>reply_channel_range_tlvs</c> this version knows.</summary>
    public static TlvNamespace TlvTypes { get; } = new(
        "reply_channel_range_tlvs",
        new TlvRecordSpec(TimestampsType, "timestamps_tlv", TlvValueRules.AtLeast(1)),
        new TlvRecordSpec(ChecksumsType, "checksums_tlv", TlvValueRules.ArrayOf(ChannelUpdateChecksums.Length)));

    /// <inheritdoc />
    public MessageType Type => MessageType.ReplyChannelRange;

    /// <summary>The chain (equal to the query's).</summary>
    public ChainHash ChainHash { get; }

    /// <summary>The first block this reply covers.</summary>
    public uint FirstBlocknum { get; }

    /// <summary>How many blocks this reply covers.</summary>
    public uint NumberOfBlocks { get; }

    /// <summary>"MUST set <c>sync_complete</c> to <c>false</c> if this is not the final <c>reply_channel_range</c>."</summary>
    public bool SyncComplete { get; }

    /// <summary>The encoding byte followed by the ids (see <see cref="ShortChannelIdEncoding"/>).</summary>
    public ReadOnlySpan<byte> EncodedShortIds => _encodedShortIds;

    /// <summary>The <c>timestamps_tlv</c> entries, or null when the reply has none.</summary>
    public IReadOnlyList<ChannelUpdateTimestamps>? Timestamps { get; }

    /// <summary>The <c>checksums_tlv</c> entries, or null when the reply has none.</summary>
    public IReadOnlyList<ChannelUpdateChecksums>? Checksums { get; }

    /// <summary>The <c>reply_channel_range_tlvs</c> bytes.</summary>
    public ReadOnlySpan<byte> Extension => _extension;

    /// <inheritdoc />
    public int EncodedLength => LightningMessage.TypeLength + FixedPayloadLength + _encodedShortIds.Length + _extension.Length;

    /// <summary>
    /// The encoded length of a reply carrying <paramref name="ids"/> uncompressed ids, with <c>timestamps_tlv</c>
    /// and/or <c>checksums_tlv</c> for each.
    /// </summary>
    public static int GetEncodedLength(int ids, bool timestamps, bool checksums)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ids);
        int perId = ids * ShortChannelIdEncoding.ShortChannelIdLength;
        return LightningMessage.TypeLength + FixedPayloadLength + 1 + perId
            + (timestamps ? TlvWriter.GetRecordLength(TimestampsType, 1 + (ids * ChannelUpdateTimestamps.Length)) : 0)
            + (checksums ? TlvWriter.GetRecordLength(ChecksumsType, ids * ChannelUpdateChecksums.Length) : 0);
    }

    /// <summary>
    /// The most uncompressed ids one reply can carry, with the TLVs asked for, within BOLT #1's 65535-byte message.
    /// </summary>
    public static int MaxIds(bool timestamps, bool checksums)
    {
        int perId = ShortChannelIdEncoding.ShortChannelIdLength
            + (timestamps ? ChannelUpdateTimestamps.Length : 0)
            + (checksums ? ChannelUpdateChecksums.Length : 0);
        int ids = LightningMessage.MaxLength / perId;
        while (GetEncodedLength(ids, timestamps, checksums) > LightningMessage.MaxLength)
        {
            ids--;
        }

        return ids;
    }

    /// <summary>Decodes a whole <c>reply_channel_range</c> (type included); never throws.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> message, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ReplyChannelRange? reply, out DecodeFailure failure)
    {
        reply = null;
        const MessageType type = MessageType.ReplyChannelRange;
        if (!LightningMessage.TryBeginRead(message, type, out var reader, out failure))
        {
            return false;
        }

        if (!reader.TryReadBytes(ChainHash.Length, out var chain) || !reader.TryReadU32(out uint first) || !reader.TryReadU32(out uint number)
            || !reader.TryReadBytes(1, out var complete))
        {
            failure = DecodeFailure.Truncated(type, "chain_hash, block range and sync_complete");
            return false;
        }

        if (!reader.TryReadU16Prefixed(out var ids))
        {
            failure = DecodeFailure.Truncated(type, "encoded_short_ids");
            return false;
        }

        List<ChannelUpdateTimestamps>? timestamps = null;
        List<ChannelUpdateChecksums>? checksums = null;
        var tlvs = new TlvReader(reader.Remaining, TlvTypes);
        while (tlvs.TryReadNext(out var record))
        {
            if (record.Type == TimestampsType)
            {
                var encoded = record.Value[1..];
                if (record.Value[0] != ShortChannelIdEncoding.Uncompressed)
                {
                    failure = DecodeFailure.InvalidField(type, $"timestamps_tlv: unknown encoding_type {record.Value[0]}");
                    return false;
                }

                if (encoded.Length % ChannelUpdateTimestamps.Length != 0)
                {
                    failure = DecodeFailure.InvalidField(type, "timestamps_tlv: encoded_timestamps is not whole channel_update_timestamps");
                    return false;
                }

                timestamps = [];
                for (int i = 0; i < encoded.Length; i += ChannelUpdateTimestamps.Length)
                {
                    timestamps.Add(ChannelUpdateTimestamps.Read(encoded[i..]));
                }
            }
            else
            {
                checksums = [];
                for (int i = 0; i < record.Value.Length; i += ChannelUpdateChecksums.Length)
                {
                    checksums.Add(ChannelUpdateChecksums.Read(record.Value[i..]));
                }
            }
        }

        if (tlvs.Error != TlvError.None)
        {
            failure = DecodeFailure.InvalidExtension(type, tlvs.Error, tlvs.ErrorType);
            return false;
        }

        reply = new ReplyChannelRange(new ChainHash(chain), first, number, complete[0] != 0, ids.ToArray(), timestamps, checksums, reader.Remaining.ToArray());
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
        destination[offset + 8] = SyncComplete ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt16BigEndian(destination[(offset + 9)..], (ushort)_encodedShortIds.Length);
        offset += 11;
        _encodedShortIds.CopyTo(destination[offset..]);
        _extension.CopyTo(destination[(offset + _encodedShortIds.Length)..]);
        return length;
    }

    /// <summary>A log line.</summary>
    public override string ToString() => $"reply_channel_range {FirstBlocknum}+{NumberOfBlocks} sync_complete={SyncComplete}";

    private static byte[] Encode(IReadOnlyList<ChannelUpdateTimestamps>? timestamps, IReadOnlyList<ChannelUpdateChecksums>? checksums)
    {
        int timestampsLength = timestamps is null ? 0 : 1 + (timestamps.Count * ChannelUpdateTimestamps.Length);
        int checksumsLength = checksums is null ? 0 : checksums.Count * ChannelUpdateChecksums.Length;
        var extension = new byte[(timestamps is null ? 0 : TlvWriter.GetRecordLength(TimestampsType, timestampsLength))
            + (checksums is null ? 0 : TlvWriter.GetRecordLength(ChecksumsType, checksumsLength))];
        int offset = 0;
        if (timestamps is not null)
        {
            var value = new byte[timestampsLength];
            value[0] = ShortChannelIdEncoding.Uncompressed;
            for (int i = 0; i < timestamps.Count; i++)
            {
                timestamps[i].WriteTo(value.AsSpan(1 + (i * ChannelUpdateTimestamps.Length)));
            }

            offset += TlvWriter.WriteRecord(TimestampsType, value, extension);
        }

        if (checksums is not null)
        {
            var value = new byte[checksumsLength];
            for (int i = 0; i < checksums.Count; i++)
            {
                checksums[i].WriteTo(value.AsSpan(i * ChannelUpdateChecksums.Length));
            }

            TlvWriter.WriteRecord(ChecksumsType, value, extension.AsSpan(offset));
        }

        return extension;
    }
}
