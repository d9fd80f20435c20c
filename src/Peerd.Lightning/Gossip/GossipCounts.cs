using Peerd.Lightning.Protocol.Messages;

namespace Peerd.Lightning.Gossip;

/// <summary>Gossip messages counted by BOLT #7 kind.</summary>
/// <param name="ChannelAnnouncements"><c>channel_announcement</c> messages.</param>
/// <param name="ChannelUpdates"><c>channel_update</c> messages.</param>
/// <param name="NodeAnnouncements"><c>node_announcement</c> messages.</param>
public readonly record struct GossipCounts(long ChannelAnnouncements, long ChannelUpdates, long NodeAnnouncements)
{
    /// <summary>All three kinds together.</summary>
    public long Total => ChannelAnnouncements + ChannelUpdates + NodeAnnouncements;

    /// <summary>Adds two counts kind by kind.</summary>
    public static GossipCounts operator +(GossipCounts left, GossipCounts right) => new(
        left.ChannelAnnouncements + right.ChannelAnnouncements,
        left.ChannelUpdates + right.ChannelUpdates,
        left.NodeAnnouncements + right.NodeAnnouncements);

    /// <summary>Adds two counts kind by kind (the named form of <c>+</c>).</summary>
    public static GossipCounts Add(GossipCounts left, GossipCounts right) => left + right;

    /// <summary>These counts with one more message of <paramref name="type"/> (any other type is not counted).</summary>
    public GossipCounts With(MessageType type) => type switch
    {
        MessageType.ChannelAnnouncement => this with { ChannelAnnouncements = ChannelAnnouncements + 1 },
        MessageType.ChannelUpdate => this with { ChannelUpdates = ChannelUpdates + 1 },
        MessageType.NodeAnnouncement => this with { NodeAnnouncements = NodeAnnouncements + 1 },
        _ => this,
    };
}
