using Peerd.Lightning.Node;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;

namespace Peerd.Lightning.Gossip;

/// <summary>Reading the graph: for <c>listchannels</c>, the gossip queries, timestamp-filter dumps and pruning.</summary>
public sealed partial class ChannelGraph
{
    /// <summary>
    /// Each direction with an update, ordered by channel then direction, matching every filter given
    /// (<c>listchannels</c>' <c>short_channel_id</c>, <c>source</c>, <c>destination</c>).
    /// </summary>
    public IReadOnlyList<ChannelDirection> ListDirections(ShortChannelId? id = null, NodeId? source = null, NodeId? destination = null)
    {
        var result = new List<ChannelDirection>();
        lock (_lock)
        {
            IEnumerable<GraphChannel> channels = id is { } one
                ? _channels.TryGetValue(one.Value, out var found) ? [found] : []
                : _channels.Values;
            foreach (var channel in channels)
            {
                for (int direction = 0; direction < 2; direction++)
                {
                    if (channel.Updates[direction] is not { } update
                        || (source is { } s && channel.NodeAt(direction).Id != s)
                        || (destination is { } d && channel.NodeAt(1 - direction).Id != d))
                    {
                        continue;
                    }

                    ChannelUpdate.TryRead(update, out var decoded, out _);
                    ChannelAnnouncement.TryRead(channel.Announcement, out var announcement, out _);
                    result.Add(new ChannelDirection(channel.NodeAt(direction).Id, channel.NodeAt(1 - direction).Id, decoded!, announcement!));
                }
            }
        }

        result.Sort((a, b) => a.Update.ShortChannelId.CompareTo(b.Update.ShortChannelId) is var c and not 0 ? c : a.Update.Direction - b.Update.Direction);
        return result;
    }

    /// <summary>The addresses <paramref name="node"/> announced (null when the graph has no announcement of it).</summary>
    public NodeAnnouncement? AnnouncementOf(NodeId node)
    {
        lock (_lock)
        {
            return _nodes.TryGetValue(node, out var entry) ? entry.Announcement : null;
        }
    }

    /// <summary>Channels whose funding block is in [<paramref name="firstBlock"/>, +<paramref name="blocks"/>), ascending, with each direction's update timestamp.</summary>
    public IReadOnlyList<(ShortChannelId Id, uint Timestamp1, uint Timestamp2)> ChannelsInBlocks(uint firstBlock, uint blocks)
    {
        ulong end = (ulong)firstBlock + blocks;
        var result = new List<(ShortChannelId, uint, uint)>();
        lock (_lock)
        {
            foreach (var channel in _channels.Values)
            {
                if (channel.Id.Block >= firstBlock && channel.Id.Block < end)
                {
                    result.Add((channel.Id, channel.UpdateTimestamp(0), channel.UpdateTimestamp(1)));
                }
            }
        }

        result.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return result;
    }

    /// <summary>
    /// BOLT #7's reply to <c>query_short_channel_ids</c> for one id: its <c>channel_announcement</c>, its updates,
    /// and the <c>node_announcement</c> of each end not already in <paramref name="sentNodes"/>. Empty when unknown.
    /// </summary>
    public IReadOnlyList<byte[]> MessagesFor(ShortChannelId id, HashSet<NodeId> sentNodes)
    {
        ArgumentNullException.ThrowIfNull(sentNodes);
        var result = new List<byte[]>();
        lock (_lock)
        {
            if (!_channels.TryGetValue(id.Value, out var channel))
            {
                return result;
            }

            result.Add(channel.Announcement);
            result.AddRange(channel.Updates.OfType<byte[]>());
            foreach (var node in new[] { channel.Node1, channel.Node2 })
            {
                if (node.Announcement is { } announcement && sentNodes.Add(node.Id))
                {
                    result.Add(announcement.ToArray());
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Everything whose timestamp is in [<paramref name="first"/>, <paramref name="first"/> + <paramref name="range"/>),
    /// in the order a full dump goes out (Core Lightning's): each channel's announcement (stamped with its newest
    /// update) then its updates, then the node announcements.
    /// </summary>
    public IReadOnlyList<byte[]> Snapshot(uint first, uint range)
    {
        ulong end = (ulong)first + range;
        bool In(uint t) => t >= first && t < end;
        var result = new List<byte[]>();
        var nodes = new List<byte[]>();
        lock (_lock)
        {
            foreach (var channel in _channels.Values)
            {
                if (In(channel.LastSeen))
                {
                    result.Add(channel.Announcement);
                }

                for (int d = 0; d < 2; d++)
                {
                    if (channel.Updates[d] is { } update && In(ChannelUpdate.ReadTimestamp(update)))
                    {
                        result.Add(update);
                    }
                }
            }

            foreach (var node in _nodes.Values)
            {
                if (node.Announcement is { } announcement && In(announcement.Timestamp))
                {
                    nodes.Add(announcement.ToArray());
                }
            }
        }

        result.AddRange(nodes);
        return result;
    }

    /// <summary>
    /// Prunes channels whose newest update (or, with none, whose announcement's arrival) is older than
    /// <see cref="GossipLimits.PruneAfterSeconds"/>, and the nodes left without a channel. Returns the pruned ids.
    /// </summary>
    public IReadOnlyList<ShortChannelId> Prune()
    {
        uint now = Now;
        var pruned = new List<ShortChannelId>();
        if (now <= _limits.PruneAfterSeconds)
        {
            return pruned;
        }

        uint cutoff = now - _limits.PruneAfterSeconds;
        lock (_lock)
        {
            foreach (var channel in _channels.Values.Where(c => c.LastSeen < cutoff).ToList())
            {
                RemoveLocked(channel);
                pruned.Add(channel.Id);
            }
        }

        return pruned;
    }

    /// <summary>Removes a channel (pruned, or deleted in the store), and its nodes when it was their last.</summary>
    internal bool Remove(ShortChannelId id)
    {
        lock (_lock)
        {
            if (!_channels.TryGetValue(id.Value, out var channel))
            {
                return false;
            }

            RemoveLocked(channel);
            return true;
        }
    }

    private void RemoveLocked(GraphChannel channel)
    {
        _channels.Remove(channel.Id.Value);
        foreach (var node in new[] { channel.Node1, channel.Node2 })
        {
            if (--node.ChannelCount == 0)
            {
                _nodes.Remove(node.Id);
            }
        }
    }
}
