using Peerd.Lightning.Protocol.Gossip;

namespace Peerd.Lightning.Gossip;

/// <summary>
/// The answers a node without a channel graph owes to gossip queries, as pure functions. They say "I know no
/// channels" in the form every implementation accepts without a warning:
/// <list type="bullet">
/// <item><c>query_channel_range</c> → one <c>reply_channel_range</c> covering exactly the queried blocks,
/// <c>sync_complete</c> = 1 (BOLT #7: the final reply "MUST set <c>sync_complete</c> to <c>true</c>"), and
/// <c>encoded_short_ids</c> = <c>[0]</c> (encoding 0, no ids: Core Lightning's <c>decode_short_ids</c> rejects an
/// empty field, and its range check wants the reply to overlap the query, which echoing it does).</item>
/// <item><c>query_short_channel_ids</c> → <c>reply_short_channel_ids_end</c> with <c>full_information</c> = 0 ("if
/// does not maintain up-to-date channel information for <c>chain_hash</c>: MUST set <c>full_information</c> to 0"),
/// which tells the querier to look elsewhere rather than wait for a timeout.</item>
/// </list>
/// Both echo the query's <c>chain_hash</c> ("MUST set with <c>chain_hash</c> equal to that of
/// <c>query_channel_range</c>").
/// </summary>
public static class GossipReplies
{
    /// <summary>The single, final reply to <paramref name="query"/>.</summary>
    public static ReplyChannelRange For(QueryChannelRange query)
    {
        ArgumentNullException.ThrowIfNull(query);

        // "MUST set first_blocknum plus number_of_blocks greater than first_blocknum in query_channel_range": at least
        // one block, and never past 2^32 - 1 (Core Lightning warns "reply_channel_range invalid" on overflow).
        uint blocks = Math.Min(Math.Max(query.NumberOfBlocks, 1U), uint.MaxValue - query.FirstBlocknum);
        return new ReplyChannelRange(query.ChainHash, query.FirstBlocknum, blocks, syncComplete: true, ShortChannelIdEncoding.Empty);
    }

    /// <summary>The end marker for <paramref name="query"/>: no channel is known, and we say our information is not full.</summary>
    public static ReplyShortChannelIdsEnd For(QueryShortChannelIds query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new ReplyShortChannelIdsEnd(query.ChainHash, fullInformation: false);
    }
}
