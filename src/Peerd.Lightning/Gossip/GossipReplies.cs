using Peerd.Lightning.Protocol.Gossip;

namespace Peerd.Lightning.Gossip;

/// <summary>
/// The answers to gossip queries, from the graph, as pure functions of what it holds:
/// <list type="bullet">
/// <item><c>query_channel_range</c> → <c>reply_channel_range</c>s listing the channels whose funding block is in the
/// range, ascending, with the timestamps and checksums its <c>query_option</c> asks for, split so that each (TLVs
/// included) fits a message, together covering exactly the queried blocks, the last with
/// <c>sync_complete</c> = 1. With no channels, one reply with <c>encoded_short_ids</c> = <c>[0]</c> (encoding 0, no
/// ids: Core Lightning's <c>decode_short_ids</c> rejects an empty field).</item>
/// <item><c>query_short_channel_ids</c> → per id its announcement, updates and nodes' announcements (only those its
/// <c>query_flags</c> ask for, when it has them), then
/// <c>reply_short_channel_ids_end</c> with <c>full_information</c> = 1.</item>
/// </list>
/// Both echo the query's <c>chain_hash</c>.
/// </summary>
public static class GossipReplies
{
    /// <summary>Short channel ids per <c>reply_channel_range</c> at most (8 bytes each: 64 KiB messages).</summary>
    public const int IdsPerReply = 8_000;

    /// <summary>
    /// Ids per <c>reply_channel_range</c> for <paramref name="query"/>: <see cref="IdsPerReply"/>, fewer when the
    /// <c>timestamps_tlv</c> and <c>checksums_tlv</c> it asks for would take the reply past 65535 bytes.
    /// </summary>
    public static int IdsPerReplyFor(QueryChannelRange query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Math.Min(IdsPerReply, ReplyChannelRange.MaxIds(query.WantsTimestamps, query.WantsChecksums));
    }

    /// <summary>
    /// The replies to <paramref name="query"/> for the ascending <paramref name="channels"/> within its range, each
    /// with the <c>timestamps_tlv</c> and <c>checksums_tlv</c> its <c>query_option</c> asks for (one entry per id).
    /// </summary>
    public static IReadOnlyList<ReplyChannelRange> For(QueryChannelRange query, IReadOnlyList<ChannelRangeEntry> channels)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(channels);

        // "MUST set first_blocknum plus number_of_blocks greater than first_blocknum in query_channel_range": at least
        // one block, and never past 2^32 - 1 (Core Lightning warns "reply_channel_range invalid" on overflow).
        uint blocks = Math.Min(Math.Max(query.NumberOfBlocks, 1U), uint.MaxValue - query.FirstBlocknum);
        ulong end = (ulong)query.FirstBlocknum + blocks;
        int perReply = IdsPerReplyFor(query);
        var replies = new List<ReplyChannelRange>();
        uint first = query.FirstBlocknum;
        int start = 0;
        while (true)
        {
            int count = Math.Min(perReply, channels.Count - start);

            // A reply may not split a block's ids: cut before the block of the id after the chunk.
            if (start + count < channels.Count && count > 0)
            {
                uint nextBlock = channels[start + count].Id.Block;
                while (count > 1 && channels[start + count - 1].Id.Block == nextBlock)
                {
                    count--;
                }
            }

            bool last = start + count >= channels.Count;
            uint through = last ? (uint)(end - first) : channels[start + count].Id.Block - first;
            var encoded = new byte[1 + (8 * count)];
            var chunk = new ChannelRangeEntry[count];
            for (int i = 0; i < count; i++)
            {
                chunk[i] = channels[start + i];
                chunk[i].Id.WriteTo(encoded.AsSpan(1 + (8 * i)));
            }

            replies.Add(new ReplyChannelRange(
                query.ChainHash,
                first,
                Math.Max(through, 1),
                syncComplete: last,
                encoded,
                query.WantsTimestamps ? [.. chunk.Select(c => c.Timestamps)] : null,
                query.WantsChecksums ? [.. chunk.Select(c => c.Checksums)] : null));
            if (last)
            {
                return replies;
            }

            first += through;
            start += count;
        }
    }

    /// <summary>
    /// The reply to a <c>query_channel_range</c> for a chain we keep no graph of: one message covering the queried
    /// blocks (at least one), no ids, <c>sync_complete</c> = 0 ("MUST set <c>sync_complete</c> to <c>false</c>").
    /// </summary>
    public static ReplyChannelRange ForUnknownChain(QueryChannelRange query)
    {
        ArgumentNullException.ThrowIfNull(query);
        uint blocks = Math.Min(Math.Max(query.NumberOfBlocks, 1U), uint.MaxValue - query.FirstBlocknum);
        return new ReplyChannelRange(query.ChainHash, query.FirstBlocknum, Math.Max(blocks, 1U), syncComplete: false, ShortChannelIdEncoding.Empty);
    }

    /// <summary>The end marker for <paramref name="query"/>: we keep the whole graph, so our information is full.</summary>
    public static ReplyShortChannelIdsEnd For(QueryShortChannelIds query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new ReplyShortChannelIdsEnd(query.ChainHash, fullInformation: true);
    }

    /// <summary>The ids an uncompressed <c>encoded_short_ids</c> lists (empty for any other encoding).</summary>
    public static IReadOnlyList<ShortChannelId> Decode(ReadOnlySpan<byte> encoded)
    {
        if (!ShortChannelIdEncoding.IsWellFormed(encoded))
        {
            return [];
        }

        var ids = new ShortChannelId[(encoded.Length - 1) / 8];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = ShortChannelId.Read(encoded[(1 + (8 * i))..]);
        }

        return ids;
    }
}
