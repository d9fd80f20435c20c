using Microsoft.Extensions.Logging;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;

namespace Peerd.Lightning.Gossip;

/// <summary>
/// Peerd's side of BOLT #7 for each peer's messages: channel gossip goes to the <see cref="GossipIngest"/> (verified
/// and stored at line rate), queries are answered from the <see cref="ChannelGraph"/>, and a
/// <c>gossip_timestamp_filter</c> subscribes the peer to the <see cref="GossipRelay"/>. Thread-safe;
/// <see cref="Handle"/> runs on each peer's read loop and never waits: a query's answer is sent by a task, one query
/// at a time per peer (BOLT #7 lets a node drop a second query sent before the first's reply ended).
/// </summary>
public sealed class GossipResponder
{
    private readonly ChannelGraph _graph;
    private readonly GossipIngest _ingest;
    private readonly GossipRelay _relay;
    private readonly ChainHash _chain;
    private readonly ILogger _logger;
    private readonly HashSet<Node.NodeId> _answering = [];

    /// <summary>Creates the responder for <paramref name="chain"/>.</summary>
    public GossipResponder(ChannelGraph graph, GossipIngest ingest, GossipRelay relay, ChainHash chain, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(ingest);
        ArgumentNullException.ThrowIfNull(relay);
        ArgumentNullException.ThrowIfNull(logger);
        _graph = graph;
        _ingest = ingest;
        _relay = relay;
        _chain = chain;
        _logger = logger;
    }

    /// <summary>Handles one message (type included) from <paramref name="peer"/>.</summary>
    public GossipOutcome Handle(GossipPeer peer, ReadOnlySpan<byte> message)
    {
        ArgumentNullException.ThrowIfNull(peer);
        if (!LightningMessage.TryReadType(message, out ushort type))
        {
            return GossipOutcome.NotGossip;
        }

        switch ((MessageType)type)
        {
            case MessageType.ChannelAnnouncement:
            case MessageType.ChannelUpdate:
            case MessageType.NodeAnnouncement:
                _ingest.Offer(peer.Id, message, warning => peer.TrySend(warning));
                return GossipOutcome.Queued;
            case MessageType.QueryChannelRange:
                if (!QueryChannelRange.TryDecode(message, out var range, out var failure))
                {
                    return Malformed(peer, failure);
                }

                return StartAnswer(peer, range.ToString(), () => AnswerRangeAsync(peer, range));
            case MessageType.QueryShortChannelIds:
                if (!QueryShortChannelIds.TryDecode(message, out var ids, out failure))
                {
                    return Malformed(peer, failure);
                }

                if (ids.ChainHash.Equals(_chain) && !ShortChannelIdEncoding.IsWellFormed(ids.EncodedShortIds))
                {
                    // BOLT #7: "if the first byte of encoded_short_ids is not a known encoding type: MAY send a
                    // warning". zlib (1) "MUST NOT be used"; Core Lightning's connectd answers it, and a field that is
                    // not whole ids, with this warning and no reply_short_channel_ids_end.
                    peer.TrySend(WarningMessage.FromText(BadEncodingWarning(ids.EncodedShortIds)).ToArray());
                    return GossipOutcome.Malformed;
                }

                int idCount = (ids.EncodedShortIds.Length - 1) / ShortChannelIdEncoding.ShortChannelIdLength;
                if (ids.ChainHash.Equals(_chain) && ids.QueryFlags is { } flags && flags.Count != idCount)
                {
                    // BOLT #7: "if encoded_query_flags does not decode to exactly one flag per short_channel_id: MAY
                    // send a warning". Core Lightning's connectd sends this one and no reply_short_channel_ids_end.
                    peer.TrySend(WarningMessage.FromText(FlagCountWarning(flags.Count, idCount)).ToArray());
                    return GossipOutcome.Malformed;
                }

                return StartAnswer(peer, ids.ToString(), () => AnswerIdsAsync(peer, ids));
            case MessageType.GossipTimestampFilter:
                if (!GossipTimestampFilter.TryDecode(message, out var filter, out failure))
                {
                    return Malformed(peer, failure);
                }

                if (!filter.ChainHash.Equals(_chain))
                {
                    return GossipOutcome.Ignored;
                }

                _relay.Subscribe(peer, filter);
                return GossipOutcome.Answered;
            case MessageType.AnnouncementSignatures:
            case MessageType.ReplyShortChannelIdsEnd:
            case MessageType.ReplyChannelRange:
                return GossipOutcome.Ignored;
            default:
                return GossipOutcome.NotGossip;
        }
    }

    /// <summary>Forgets a disconnected peer.</summary>
    public void OnDisconnected(Node.NodeId peer)
    {
        _ingest.OnDisconnected(peer);
        _relay.OnDisconnected(peer);
    }

    private GossipOutcome StartAnswer(GossipPeer peer, string query, Func<Task> answer)
    {
        lock (_answering)
        {
            if (!_answering.Add(peer.Id))
            {
                GossipLog.QueryDropped(_logger, peer.Id.ToString(), query);
                return GossipOutcome.Ignored;
            }
        }

        GossipLog.Answered(_logger, peer.Id.ToString(), query);
        _ = RunAsync(peer, answer);
        return GossipOutcome.Answered;
    }

    private async Task RunAsync(GossipPeer peer, Func<Task> answer)
    {
        try
        {
            await answer().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
        }
        finally
        {
            lock (_answering)
            {
                _answering.Remove(peer.Id);
            }
        }
    }

    private async Task AnswerRangeAsync(GossipPeer peer, QueryChannelRange query)
    {
        if (!query.ChainHash.Equals(_chain))
        {
            // BOLT #7: "if does not maintain up-to-date channel information for chain_hash: MUST set sync_complete
            // to false" — one reply covering the query, with no ids (Core Lightning's connectd does the same).
            await peer.SendAsync(GossipReplies.ForUnknownChain(query).ToArray(), peer.Closed).ConfigureAwait(false);
            return;
        }

        var channels = _graph.ChannelsInBlocks(query.FirstBlocknum, query.NumberOfBlocks, withChecksums: query.WantsChecksums);
        foreach (var reply in GossipReplies.For(query, channels))
        {
            await peer.SendAsync(reply.ToArray(), peer.Closed).ConfigureAwait(false);
        }
    }

    private async Task AnswerIdsAsync(GossipPeer peer, QueryShortChannelIds query)
    {
        if (query.ChainHash.Equals(_chain))
        {
            // Without query_flags, everything for each id (node announcements once per query).
            var sentNodes = new HashSet<Node.NodeId>();
            var ids = GossipReplies.Decode(query.EncodedShortIds);
            for (int i = 0; i < ids.Count; i++)
            {
                var flags = query.QueryFlags is { } asked ? asked[i] : QueryFlag.All;
                foreach (var message in _graph.MessagesFor(ids[i], sentNodes, flags))
                {
                    await peer.SendAsync(message, peer.Closed).ConfigureAwait(false);
                }
            }
        }

        await peer.SendAsync(new ReplyShortChannelIdsEnd(query.ChainHash, fullInformation: query.ChainHash.Equals(_chain)).ToArray(), peer.Closed).ConfigureAwait(false);
    }

    /// <summary>Core Lightning's warning for an <c>encoded_short_ids</c> it cannot decode (<c>connectd/queries.c</c>).</summary>
    public static string BadEncodingWarning(ReadOnlySpan<byte> encoded) => "Bad query_short_channel_ids encoding " + Peerd.Primitives.Hex.Encode(encoded);

    /// <summary>Core Lightning's warning for <c>query_flags</c> whose count is not the ids' (<c>connectd/queries.c</c>).</summary>
    public static string FlagCountWarning(int flags, int ids) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Bad query_short_channel_ids flags count {flags} scids {ids}");

    private static GossipOutcome Malformed(GossipPeer peer, DecodeFailure failure)
    {
        peer.TrySend(WarningMessage.FromText(failure.Reason).ToArray());
        return GossipOutcome.Malformed;
    }
}
