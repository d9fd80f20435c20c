using Microsoft.Extensions.Logging;
using Peerd.Lightning.Node;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;

namespace Peerd.Lightning.Gossip;

/// <summary>
/// Peerd's side of BOLT #7 for a node with no channels: <c>node_announcement</c>s feed the <see cref="AddressBook"/>,
/// queries get the answers of <see cref="GossipReplies"/>, and nothing is ever relayed ("MUST NOT relay any gossip
/// messages it did not generate itself, unless explicitly requested" — we generate none, and stored announcements
/// are not forwarded, so no invalid data can leave through us). A <c>gossip_timestamp_filter</c> therefore changes
/// nothing. Thread-safe; <see cref="Handle"/> runs on each peer's read loop.
/// </summary>
public sealed class GossipResponder
{
    private readonly AddressBook _book;
    private readonly NodeId _self;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly GossipResponderOptions _options;
    private readonly Lock _lock = new();
    private readonly Dictionary<NodeId, TokenBucket> _budgets = [];

    /// <summary>Creates the responder; <paramref name="self"/> is our node id (our own announcement is never stored).</summary>
    public GossipResponder(AddressBook book, NodeId self, TimeProvider time, ILogger logger, GossipResponderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _book = book;
        _self = self;
        _time = time;
        _logger = logger;
        _options = options ?? new GossipResponderOptions();
    }

    /// <summary>
    /// Handles one message from <paramref name="from"/> (type included). Answers, if any, go to
    /// <paramref name="reply"/> as whole messages to queue for that peer: a <c>warning</c> for an invalid
    /// announcement ("SHOULD send a <c>warning</c>"; the connection stays up), a reply for a query.
    /// </summary>
    public GossipOutcome Handle(NodeId from, ReadOnlySpan<byte> message, Action<byte[]> reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (!LightningMessage.TryReadType(message, out ushort type))
        {
            return GossipOutcome.NotGossip;
        }

        switch ((MessageType)type)
        {
            case MessageType.NodeAnnouncement:
                return OnNodeAnnouncement(from, message, reply);
            case MessageType.QueryChannelRange:
                if (!QueryChannelRange.TryDecode(message, out var range, out var failure))
                {
                    return Malformed(failure, reply);
                }

                return Answer(from, range.ToString(), GossipReplies.For(range), reply);
            case MessageType.QueryShortChannelIds:
                if (!QueryShortChannelIds.TryDecode(message, out var ids, out failure))
                {
                    return Malformed(failure, reply);
                }

                return Answer(from, ids.ToString(), GossipReplies.For(ids), reply);
            case MessageType.GossipTimestampFilter:
            case MessageType.ChannelAnnouncement:
            case MessageType.ChannelUpdate:
            case MessageType.AnnouncementSignatures:
            case MessageType.ReplyShortChannelIdsEnd:
            case MessageType.ReplyChannelRange:
                return GossipOutcome.Ignored;
            default:
                return GossipOutcome.NotGossip;
        }
    }

    private GossipOutcome OnNodeAnnouncement(NodeId from, ReadOnlySpan<byte> message, Action<byte[]> reply)
    {
        if (!NodeAnnouncement.TryDecode(message, out var announcement, out var failure))
        {
            return Malformed(failure, reply);
        }

        if (announcement.HasValidNodeId)
        {
            var origin = NodeId.FromBytes(announcement.NodeId);
            if (origin == _self)
            {
                return GossipOutcome.Refused;
            }

            // Announcements we already hold (the common case: every peer relays the same ones) cost no budget.
            if (!_book.IsNewer(origin, announcement.Timestamp))
            {
                return GossipOutcome.Stale;
            }

            if (!TryTakeBudget(from))
            {
                GossipLog.RateLimited(_logger, from.ToString());
                return GossipOutcome.RateLimited;
            }
        }

        var result = _book.TryAccept(announcement);
        switch (result.Status)
        {
            case AcceptStatus.Accepted:
                GossipLog.AnnouncementStored(_logger, from.ToString(), result.Node.ToString()!, announcement.Addresses.Count);
                return GossipOutcome.Stored;
            case AcceptStatus.Stale:
                return GossipOutcome.Stale;
            case AcceptStatus.Refused:
                GossipLog.AnnouncementRefused(_logger, from.ToString(), result.Reason!);
                return GossipOutcome.Refused;
            default:
                GossipLog.AnnouncementInvalid(_logger, from.ToString(), result.Reason!);
                reply(WarningMessage.FromText(result.Reason!).ToArray());
                return GossipOutcome.Invalid;
        }
    }

    private GossipOutcome Answer(NodeId from, string query, ILightningMessage answer, Action<byte[]> reply)
    {
        GossipLog.Answered(_logger, from.ToString(), query, answer.ToString()!);
        reply(answer.ToArray());
        return GossipOutcome.Answered;
    }

    private static GossipOutcome Malformed(DecodeFailure failure, Action<byte[]> reply)
    {
        reply(WarningMessage.FromText(failure.Reason).ToArray());
        return GossipOutcome.Malformed;
    }

    private bool TryTakeBudget(NodeId peer)
    {
        long now = _time.GetTimestamp();
        lock (_lock)
        {
            if (!_budgets.TryGetValue(peer, out var bucket))
            {
                if (_budgets.Count >= _options.PruneThreshold)
                {
                    foreach (var idle in _budgets.Where(p => p.Value.IsFull(now)).Select(p => p.Key).ToList())
                    {
                        _budgets.Remove(idle);
                    }
                }

                bucket = new TokenBucket(_options.VerificationBurst, _options.VerificationsPerSecond, now, _time.TimestampFrequency);
                _budgets[peer] = bucket;
            }

            return bucket.TryTake(now);
        }
    }
}
