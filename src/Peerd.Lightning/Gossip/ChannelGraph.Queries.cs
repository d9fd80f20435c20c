using Peerd.Lightning.Node;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;

namespace Peerd.Lightning.Gossip;

/// <summary>Reading the graph: for <c>listchannels</c>, the gossip queries, timestamp-filter dumps and pruning.</summary>
public sealed partial class ChannelGraph
{
    /// <summary>
    /// Each direction with an update, ordered by channel then direction, matching every filter given
    /// (<c>listchannels</c>' <c>short_channel_id</c>, <c>source</c>, <c>destination</c>). Builds the whole list:
    /// <c>listchannels</c> reads it a piece at a time instead (<see cref="ChannelIds"/>, <see cref="ReadDirections"/>).
    /// </summary>
    public IReadOnlyList<ChannelDirection> ListDirections(ShortChannelId? id = null, NodeId? source = null, NodeId? destination = null)
    {
        var result = new List<ChannelDirection>();
        ReadDirections(id is { } one ? [one.Value] : ChannelIds(), source, destination, result);
        return result;
    }

    /// <summary>The ids of every channel held, ascending (8 bytes a channel: what a paged read of the graph keeps).</summary>
    public ulong[] ChannelIds()
    {
        ulong[] ids;
        lock (_lock)
        {
            ids = [.. _channels.Keys];
        }

        Array.Sort(ids);
        return ids;
    }

    /// <summary>True when <paramref name="node"/> has a channel in the graph.</summary>
    public bool HasNode(NodeId node)
    {
        lock (_lock)
        {
            return _nodes.ContainsKey(node);
        }
    }

    /// <summary>The ids of every node held (each has a channel), in no order.</summary>
    public NodeId[] NodeIds()
    {
        lock (_lock)
        {
            return [.. _nodes.Keys];
        }
    }

    /// <summary>
    /// Appends to <paramref name="into"/> each direction with an update of the channels <paramref name="ids"/> (in
    /// their order, direction 0 first) that matches <paramref name="source"/> and <paramref name="destination"/>; ids
    /// no longer held are skipped. The lock is held only to copy the messages; they are decoded after.
    /// </summary>
    public void ReadDirections(ReadOnlySpan<ulong> ids, NodeId? source, NodeId? destination, List<ChannelDirection> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        var copied = new List<(NodeId Node1, NodeId Node2, byte[] Announcement, byte[]? Update0, byte[]? Update1, long Satoshis)>(ids.Length);
        lock (_lock)
        {
            foreach (ulong id in ids)
            {
                if (_channels.TryGetValue(id, out var channel))
                {
                    copied.Add((channel.Node1.Id, channel.Node2.Id, channel.Announcement, channel.Updates[0], channel.Updates[1], channel.Satoshis));
                }
            }
        }

        foreach (var (node1, node2, announcementBytes, update0, update1, satoshis) in copied)
        {
            ChannelAnnouncement? announcement = null;
            ChannelUpdate? first = update0 is null ? null : ReadUpdate(update0);
            ChannelUpdate? second = update1 is null ? null : ReadUpdate(update1);

            // Core Lightning's amount_msat is the funding output's value (known when a chain source checked it);
            // otherwise the larger htlc_maximum_msat of the two directions is the least the channel can hold.
            ulong amount = satoshis > 0 ? (ulong)satoshis * 1000 : Math.Max(first?.HtlcMaximumMsat ?? 0, second?.HtlcMaximumMsat ?? 0);
            for (int direction = 0; direction < 2; direction++)
            {
                var from = direction == 0 ? node1 : node2;
                var to = direction == 0 ? node2 : node1;
                if ((direction == 0 ? first : second) is not { } update
                    || (source is { } s && from != s)
                    || (destination is { } d && to != d))
                {
                    continue;
                }

                if (announcement is null)
                {
                    ChannelAnnouncement.TryRead(announcementBytes, out announcement, out _);
                }

                into.Add(new ChannelDirection(from, to, update, announcement!, amount));
            }
        }

        static ChannelUpdate ReadUpdate(byte[] bytes)
        {
            ChannelUpdate.TryRead(bytes, out var update, out _);
            return update!;
        }
    }

    /// <summary>The addresses <paramref name="node"/> announced (null when the graph has no announcement of it).</summary>
    public NodeAnnouncement? AnnouncementOf(NodeId node)
    {
        lock (_lock)
        {
            return _nodes.TryGetValue(node, out var entry) ? entry.Announcement : null;
        }
    }

    /// <summary>
    /// Channels whose funding block is in [<paramref name="firstBlock"/>, +<paramref name="blocks"/>), ascending, with
    /// each direction's update timestamp and, when <paramref name="withChecksums"/>, its checksum
    /// (<see cref="ChannelUpdateChecksum"/>; computed after the lock is released).
    /// </summary>
    public IReadOnlyList<ChannelRangeEntry> ChannelsInBlocks(uint firstBlock, uint blocks, bool withChecksums = false)
    {
        ulong end = (ulong)firstBlock + blocks;
        var found = new List<(ShortChannelId Id, byte[]? Update0, byte[]? Update1)>();
        lock (_lock)
        {
            foreach (var channel in _channels.Values)
            {
                if (channel.Id.Block >= firstBlock && channel.Id.Block < end)
                {
                    found.Add((channel.Id, channel.Updates[0], channel.Updates[1]));
                }
            }
        }

        found.Sort((a, b) => a.Id.CompareTo(b.Id));
        var result = new ChannelRangeEntry[found.Count];
        for (int i = 0; i < found.Count; i++)
        {
            var (id, update0, update1) = found[i];
            var timestamps = new ChannelUpdateTimestamps(Timestamp(update0), Timestamp(update1));
            var checksums = withChecksums ? new ChannelUpdateChecksums(Checksum(update0), Checksum(update1)) : default;
            result[i] = new ChannelRangeEntry(id, timestamps, checksums);
        }

        return result;

        static uint Timestamp(byte[]? update) => update is null ? 0 : ChannelUpdate.ReadTimestamp(update);

        static uint Checksum(byte[]? update) => update is null ? 0 : ChannelUpdateChecksum.Compute(update);
    }

    /// <summary>
    /// BOLT #7's reply to <c>query_short_channel_ids</c> for one id, as <paramref name="flags"/> asks
    /// (<see cref="QueryFlag.All"/> without <c>query_flags</c>): its <c>channel_announcement</c>, the update of each
    /// direction asked for that we hold, and the <c>node_announcement</c> of each end asked for that we hold and is
    /// not already in <paramref name="sentNodes"/> ("SHOULD avoid sending duplicate <c>node_announcements</c>").
    /// Empty when the channel is unknown or <paramref name="flags"/> asks for nothing.
    /// </summary>
    public IReadOnlyList<byte[]> MessagesFor(ShortChannelId id, HashSet<NodeId> sentNodes, QueryFlag flags = QueryFlag.All)
    {
        ArgumentNullException.ThrowIfNull(sentNodes);
        var result = new List<byte[]>();
        lock (_lock)
        {
            if (!_channels.TryGetValue(id.Value, out var channel))
            {
                return result;
            }

            if ((flags & QueryFlag.ChannelAnnouncement) != 0)
            {
                result.Add(channel.Announcement);
            }

            if ((flags & QueryFlag.ChannelUpdateNode1) != 0 && channel.Updates[0] is { } update0)
            {
                result.Add(update0);
            }

            if ((flags & QueryFlag.ChannelUpdateNode2) != 0 && channel.Updates[1] is { } update1)
            {
                result.Add(update1);
            }

            AddNode(channel.Node1, QueryFlag.NodeAnnouncementNode1);
            AddNode(channel.Node2, QueryFlag.NodeAnnouncementNode2);
        }

        return result;

        void AddNode(GraphNode node, QueryFlag flag)
        {
            if ((flags & flag) != 0 && node.Announcement is { } announcement && sentNodes.Add(node.Id))
            {
                result.Add(announcement.ToArray());
            }
        }
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
