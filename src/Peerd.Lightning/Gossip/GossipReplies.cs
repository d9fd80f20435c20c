using Peerd.Lightning.Protocol.Gossip;

namespace Peerd.Lightning.Gossip;

/// <summary>
/// The answers to gossip queries, from the graph, as pure functions of what it holds:
/// <list type="bullet">
/// <item><c>query_channel_range</c> → <c>reply_channel_range</c>s listing the channels whose funding block is in the
/// range, ascending, split so that each fits a message, together covering exactly the queried blocks, the last with
/// <c>sync_complete</c> = 1. With no channels, one reply with <c>encoded_short_ids</c> = <c>[0]</c> (encoding 0, no
/// ids: Core Lightning's <c>decode_short_ids</c> rejects an empty field).</item>
/// <item><c>query_short_channel_ids</c> → per id its announcement, updates and nodes' announcements, then
/// <c>reply_short_channel_ids_end</c> with <c>full_information</c> = 1.</item>
/// </list>
/// Both echo the query's <c>chain_hash</c>.
/// </summary>
public static class GossipReplies
{
    /// <summary>Short channel ids per <c>reply_channel_range</c> (8 bytes each: 64 KiB messages).</summary>
    public const int IdsPerReply = 8_000;

    /// <summary>The replies to <paramref name="query"/> for the ascending <paramref name="ids"/> within its range.</summary>
    public static IReadOnlyList<ReplyChannelRange> For(QueryChannelRange query, IReadOnlyList<ShortChannelId> ids)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(ids);

        // "MUST set first_blocknum plus number_of_blocks greater than first_blocknum in query_channel_range": at least
        // one block, and never past 2^32 - 1 (Core Lightning warns "reply_channel_range invalid" on overflow).
        uint blocks = Math.Min(Math.Max(query.NumberOfBlocks, 1U), uint.MaxValue - query.FirstBlocknum);
        ulong end = (ulong)query.FirstBlocknum + blocks;
        var replies = new List<ReplyChannelRange>();
        uint first = query.FirstBlocknum;
        int start = 0;
        while (true)
        {
            int count = Math.Min(IdsPerReply, ids.Count - start);

            // A reply may not split a block's ids: cut before the block of the id after the chunk.
            if (start + count < ids.Count && count > 0)
            {
                uint nextBlock = ids[start + count].Block;
                while (count > 1 && ids[start + count - 1].Block == nextBlock)
                {
                    count--;
                }
            }

            bool last = start + count >= ids.Count;
            uint through = last ? (uint)(end - first) : ids[start + count].Block - first;
            var encoded = new byte[1 + (8 * count)];
            for (int i = 0; i < count; i++)
            {
                ids[start + i].WriteTo(encoded.AsSpan(1 + (8 * i)));
            }

            replies.Add(new ReplyChannelRange(query.ChainHash, first, Math.Max(through, 1), syncComplete: last, encoded));
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
