using Peerd.Lightning.Node;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Primitives;

namespace Peerd.Lightning.Gossip;

/// <summary>
/// The public channel graph as BOLT #7 defines it, in memory: channels from verified <c>channel_announcement</c>s, each
/// direction's newest verified <c>channel_update</c>, and nodes (those with a channel) with their newest
/// <c>node_announcement</c>. Messages go through <see cref="Prepare"/> (cheap rules, in arrival order),
/// <see cref="GossipItem.Verify"/> (signatures, on any core) and <see cref="Apply"/> (in arrival order).
/// Thread-safe: one lock, held only for dictionary work, never for signature checks or I/O.
/// </summary>
/// <remarks>
/// Without a chain source the funding outputs are not checked (Core Lightning checks them through bitcoind): any
/// well-signed announcement of an unspent-looking channel is kept. With one (<see cref="FundingCheck"/>), only
/// announcements whose funding output exists, is unspent and matches are. <see cref="GossipLimits.MaxChannels"/> bounds what
/// that can cost, and <see cref="ChainWarning"/> says so where Core Lightning shows its chain warnings.
/// </remarks>
public sealed partial class ChannelGraph
{
    /// <summary>The text <c>getinfo</c> shows while funding outputs cannot be checked.</summary>
    public const string ChainWarning = "No bitcoin backend: channel_announcement funding outputs are not checked on-chain; the graph holds whatever is correctly signed (capped).";

    private readonly Lock _lock = new();
    private readonly Dictionary<ulong, GraphChannel> _channels = [];
    private readonly Dictionary<NodeId, GraphNode> _nodes = [];
    private readonly Dictionary<NodeId, (GossipItem Item, long HeldAt)> _held = [];
    private readonly ChainHash _chain;
    private readonly TimeProvider _time;
    private readonly GossipLimits _limits;
    private uint _newest;

    /// <summary>Creates an empty graph for <paramref name="chain"/>.</summary>
    public ChannelGraph(ChainHash chain, TimeProvider time, GossipLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _chain = chain;
        _time = time;
        _limits = limits ?? new GossipLimits();
    }

    /// <summary>
    /// True when announcements are kept only after their funding output was checked on-chain (a chain source is
    /// configured): <c>getinfo</c> then shows no <see cref="ChainWarning"/>.
    /// </summary>
    public bool FundingOutputsChecked { get; init; }

    /// <summary>The graph's limits.</summary>
    public GossipLimits Limits => _limits;

    /// <summary>Channels held.</summary>
    public int ChannelCount
    {
        get
        {
            lock (_lock)
            {
                return _channels.Count;
            }
        }
    }

    /// <summary>Nodes held (every one has a channel).</summary>
    public int NodeCount
    {
        get
        {
            lock (_lock)
            {
                return _nodes.Count;
            }
        }
    }

    /// <summary>The newest timestamp of any stored message (0 for an empty graph): where a later sync resumes.</summary>
    public uint NewestTimestamp
    {
        get
        {
            lock (_lock)
            {
                return _newest;
            }
        }
    }

    private uint Now => (uint)Math.Max(0, _time.GetUtcNow().ToUnixTimeSeconds());

    /// <summary>
    /// Decodes <paramref name="message"/> (a whole gossip message we own) and applies every rule that needs no
    /// signature: chain, size, order of keys, duplicates and stale timestamps (which so cost nothing), the channel a
    /// <c>channel_update</c> belongs to. <paramref name="pending"/> holds the node ids of channels prepared earlier in
    /// the same batch but not yet applied, so their updates can find their signer.
    /// </summary>
    internal GossipItem Prepare(byte[] message, Dictionary<ulong, (byte[] Node1, byte[] Node2)> pending)
    {
        LightningMessage.TryReadType(message, out ushort type);
        switch ((MessageType)type)
        {
            case MessageType.ChannelAnnouncement:
                return PrepareChannel(message, pending);
            case MessageType.ChannelUpdate:
                return PrepareUpdate(message, pending);
            default:
                return PrepareNode(message);
        }
    }

    private GossipItem PrepareChannel(byte[] message, Dictionary<ulong, (byte[] Node1, byte[] Node2)> pending)
    {
        if (message.Length > _limits.MaxChannelAnnouncementLength)
        {
            return Decided(message, MessageType.ChannelAnnouncement, GossipVerdict.Refused($"channel_announcement of {message.Length} bytes is over the {_limits.MaxChannelAnnouncementLength}-byte limit"));
        }

        if (!ChannelAnnouncement.TryRead(message, out var channel, out var failure))
        {
            return Decided(message, MessageType.ChannelAnnouncement, GossipVerdict.Invalid(failure.Reason));
        }

        var id = channel.ShortChannelId;
        if (!channel.ChainHash.Equals(_chain))
        {
            return Decided(message, MessageType.ChannelAnnouncement, GossipVerdict.Refused($"channel_announcement {id} is for chain {channel.ChainHash}, not ours"));
        }

        lock (_lock)
        {
            if (_channels.ContainsKey(id.Value) || pending.ContainsKey(id.Value))
            {
                return Decided(message, MessageType.ChannelAnnouncement, GossipVerdict.Duplicate($"channel_announcement {id} already known"));
            }

            if (_channels.Count + pending.Count >= _limits.MaxChannels)
            {
                return Decided(message, MessageType.ChannelAnnouncement, GossipVerdict.Refused($"channel_announcement {id}: the graph is full ({_limits.MaxChannels} channels)"));
            }
        }

        pending[id.Value] = (channel.NodeId1.ToArray(), channel.NodeId2.ToArray());
        return new GossipItem(message, MessageType.ChannelAnnouncement) { Channel = channel };
    }

    private GossipItem PrepareUpdate(byte[] message, Dictionary<ulong, (byte[] Node1, byte[] Node2)> pending)
    {
        if (!ChannelUpdate.TryRead(message, out var update, out var failure))
        {
            return Decided(message, MessageType.ChannelUpdate, GossipVerdict.Invalid(failure.Reason));
        }

        var id = update.ShortChannelId;
        if (!update.ChainHash.Equals(_chain))
        {
            return Decided(message, MessageType.ChannelUpdate, GossipVerdict.Refused($"channel_update {id} is for chain {update.ChainHash}, not ours"));
        }

        if (update.DontForward)
        {
            // Core Lightning: "Do not set DONT_FORWARD on public channel_updates".
            return Decided(message, MessageType.ChannelUpdate, GossipVerdict.Refused($"channel_update {id}: dont_forward is set on a public channel's update"));
        }

        uint now = Now;
        if (TimestampProblem("channel_update", id.ToString(), update.Timestamp, now) is { } problem)
        {
            return Decided(message, MessageType.ChannelUpdate, GossipVerdict.Refused(problem));
        }

        byte[] signer;
        lock (_lock)
        {
            if (_channels.TryGetValue(id.Value, out var channel))
            {
                if (update.Timestamp <= channel.UpdateTimestamp(update.Direction))
                {
                    return Decided(message, MessageType.ChannelUpdate, GossipVerdict.Duplicate($"channel_update {id}/{update.Direction}: timestamp {update.Timestamp} is not newer"));
                }

                signer = channel.NodeAt(update.Direction).Id.Bytes.ToArray();
            }
            else if (pending.TryGetValue(id.Value, out var keys))
            {
                signer = update.Direction == 0 ? keys.Node1 : keys.Node2;
            }
            else
            {
                return Decided(message, MessageType.ChannelUpdate, GossipVerdict.Refused($"channel_update for unknown channel {id}"));
            }
        }

        return new GossipItem(message, MessageType.ChannelUpdate) { Update = update, SignerKey = signer };
    }

    private GossipItem PrepareNode(byte[] message)
    {
        if (message.Length > _limits.MaxNodeAnnouncementLength)
        {
            return Decided(message, MessageType.NodeAnnouncement, GossipVerdict.Refused($"node_announcement of {message.Length} bytes is over the {_limits.MaxNodeAnnouncementLength}-byte limit"));
        }

        if (!NodeAnnouncement.TryDecode(message, out var node, out var failure))
        {
            return Decided(message, MessageType.NodeAnnouncement, GossipVerdict.Invalid(failure.Reason));
        }

        // An invalid node_id fails the signature check ("Bad signature"); until then it is only a dictionary key.
        var id = NodeId.FromCheckedBytes(node.NodeId.ToArray());
        if (TimestampProblem("node_announcement", id.ToString(), node.Timestamp, Now, checkAge: false) is { } problem)
        {
            return Decided(message, MessageType.NodeAnnouncement, GossipVerdict.Refused(problem));
        }

        lock (_lock)
        {
            if (_nodes.TryGetValue(id, out var known) && known.Announcement is { } held && node.Timestamp <= held.Timestamp)
            {
                return Decided(message, MessageType.NodeAnnouncement, GossipVerdict.Duplicate($"node_announcement of {id}: timestamp {node.Timestamp} is not newer"));
            }
        }

        return new GossipItem(message, MessageType.NodeAnnouncement) { Node = node };
    }

    /// <summary>
    /// Applies a verified item in arrival order. Stored messages (this one, and held announcements its channel
    /// releases) are added to <paramref name="stored"/> for the store, the address book and relaying.
    /// </summary>
    internal GossipVerdict Apply(GossipItem item, List<GossipItem> stored)
    {
        if (item.Verdict is { } decided)
        {
            return decided;
        }

        lock (_lock)
        {
            var verdict = item switch
            {
                { Channel: { } channel } => ApplyChannel(item, channel, stored),
                { Update: { } update } => ApplyUpdate(update, item.Message),
                { Node: { } node } => ApplyNode(item, node),
                _ => GossipVerdict.Refused("not channel gossip"),
            };
            item.Verdict = verdict;
            if (verdict.Kind == GossipVerdictKind.Stored)
            {
                stored.Add(item);
            }

            return verdict;
        }
    }

    private GossipVerdict ApplyChannel(GossipItem item, ChannelAnnouncement announcement, List<GossipItem> stored)
    {
        var id = announcement.ShortChannelId;
        if (_channels.ContainsKey(id.Value))
        {
            return GossipVerdict.Duplicate($"channel_announcement {id} already known");
        }

        var node1 = NodeLocked(announcement.NodeId1);
        var node2 = NodeLocked(announcement.NodeId2);
        _channels[id.Value] = new GraphChannel(id, node1, node2, item.Message, Now) { Satoshis = item.FundingSatoshis };
        node1.ChannelCount++;
        node2.ChannelCount++;
        ReleaseHeld(node1, stored);
        ReleaseHeld(node2, stored);
        return GossipVerdict.Stored;
    }

    private GossipVerdict ApplyUpdate(ChannelUpdate update, byte[] message)
    {
        var id = update.ShortChannelId;
        if (!_channels.TryGetValue(id.Value, out var channel))
        {
            return GossipVerdict.Refused($"channel_update for unknown channel {id} (its announcement was refused)");
        }

        int direction = update.Direction;
        if (update.Timestamp <= channel.UpdateTimestamp(direction))
        {
            return GossipVerdict.Duplicate($"channel_update {id}/{direction}: timestamp {update.Timestamp} is not newer");
        }

        if (!channel.Tokens[direction].TryTake(Now, _limits, out var left))
        {
            return GossipVerdict.Refused($"channel_update {id}/{direction}: over {_limits.UpdateBurst} updates plus one per {_limits.UpdateTokenSeconds} s (spam)");
        }

        channel.Tokens[direction] = left;
        channel.Updates[direction] = message;
        _newest = Math.Max(_newest, update.Timestamp);
        return GossipVerdict.Stored;
    }

    private GossipVerdict ApplyNode(GossipItem item, NodeAnnouncement announcement)
    {
        var id = NodeId.FromCheckedBytes(announcement.NodeId.ToArray());
        if (!_nodes.TryGetValue(id, out var node))
        {
            if (_held.TryGetValue(id, out var earlier) && earlier.Item.Node!.Timestamp >= announcement.Timestamp)
            {
                return GossipVerdict.Duplicate($"node_announcement of {id}: timestamp {announcement.Timestamp} is not newer than the one held");
            }

            if (_held.Count >= _limits.MaxHeldAnnouncements && !_held.ContainsKey(id))
            {
                var oldest = _held.MinBy(p => p.Value.HeldAt).Key;
                _held.Remove(oldest);
            }

            _held[id] = (item, _time.GetTimestamp());
            return GossipVerdict.Held;
        }

        if (node.Announcement is { } held && announcement.Timestamp <= held.Timestamp)
        {
            return GossipVerdict.Duplicate($"node_announcement of {id}: timestamp {announcement.Timestamp} is not newer");
        }

        if (!node.Tokens.TryTake(Now, _limits, out var left))
        {
            return GossipVerdict.Refused($"node_announcement of {id}: over {_limits.UpdateBurst} announcements plus one per {_limits.UpdateTokenSeconds} s (spam)");
        }

        node.Tokens = left;
        node.Announcement = announcement;
        _newest = Math.Max(_newest, announcement.Timestamp);
        return GossipVerdict.Stored;
    }

    private void ReleaseHeld(GraphNode node, List<GossipItem> stored)
    {
        if (_held.Count == 0 || !_held.Remove(node.Id, out var held))
        {
            return;
        }

        if (_time.GetElapsedTime(held.HeldAt) <= _limits.HeldFor && ApplyNode(held.Item, held.Item.Node!).Kind == GossipVerdictKind.Stored)
        {
            held.Item.Verdict = GossipVerdict.Stored;
            stored.Add(held.Item);
        }
    }

    private GraphNode NodeLocked(ReadOnlySpan<byte> key)
    {
        // Verified keys (a signature checked under them) or our own store's.
        var id = NodeId.FromCheckedBytes(key.ToArray());
        if (!_nodes.TryGetValue(id, out var node))
        {
            node = new GraphNode(id);
            _nodes[id] = node;
        }

        return node;
    }

    private string? TimestampProblem(string what, string subject, uint timestamp, uint now, bool checkAge = true)
    {
        if (timestamp > now + _limits.MaxFutureSeconds)
        {
            return $"{what} {subject}: timestamp {timestamp} is more than {_limits.MaxFutureSeconds} s ahead of our clock";
        }

        if (checkAge && now > _limits.PruneAfterSeconds && timestamp < now - _limits.PruneAfterSeconds)
        {
            return $"{what} {subject}: timestamp {timestamp} is older than two weeks";
        }

        return null;
    }

    private static GossipItem Decided(byte[] message, MessageType type, GossipVerdict verdict) => new(message, type) { Verdict = verdict };
}
