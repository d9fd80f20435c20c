using System.Buffers.Binary;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Messages;

namespace Peerd.Lightning.Protocol.Gossip;

/// <summary>
/// BOLT #7 <c>reply_channel_range</c> (type 264): <c>[chain_hash:chain_hash] [u32:first_blocknum]
/// [u32:number_of_blocks] [byte:sync_complete] [u16:len] [len*byte:encoded_short_ids]
/// [reply_channel_range_tlvs:tlvs]</c>. <c>encoded_short_ids</c> and the TLV stream are kept as bytes.
/// </summary>
public sealed class ReplyChannelRange : ILightningMessage
{
    /// <summary>The fixed part of the payload before <c>encoded_short_ids</c>: 32 + 4 + 4 + 1 + 2.</summary>
    public const int FixedPayloadLength = ChainHash.Length + 4 + 4 + 1 + 2;

    private readonly byte[] _encodedShortIds;
    private readonly byte[] _extension;

    /// <summary>Creates a reply.</summary>
    public ReplyChannelRange(ChainHash chainHash, uint firstBlocknum, uint numberOfBlocks, bool syncComplete, ReadOnlySpan<byte> encodedShortIds, ReadOnlySpan<byte> extension = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(encodedShortIds.Length, ushort.MaxValue, nameof(encodedShortIds));
        ChainHash = chainHash;
        FirstBlocknum = firstBlocknum;
        NumberOfBlocks = numberOfBlocks;
        SyncComplete = syncComplete;
        _encodedShortIds = encodedShortIds.ToArray();
        _extension = extension.ToArray();
    }

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

    /// <summary>The <c>reply_channel_range_tlvs</c> bytes.</summary>
    public ReadOnlySpan<byte> Extension => _extension;

    /// <inheritdoc />
    public int EncodedLength => LightningMessage.TypeLength + FixedPayloadLength + _encodedShortIds.Length + _extension.Length;

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

        reply = new ReplyChannelRange(new ChainHash(chain), first, number, complete[0] != 0, ids, reader.Remaining);
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
}
