using Peerd.Lightning.Node;
using Peerd.Lightning.Protocol.Gossip;

namespace Peerd.Lightning.Gossip;

/// <summary>One direction of a channel as <c>listchannels</c> shows it: its ends, its newest update and its announcement.</summary>
/// <param name="Source">The node that signed the update.</param>
/// <param name="Destination">The other end.</param>
/// <param name="Update">The newest update of this direction.</param>
/// <param name="Announcement">The channel's announcement (features).</param>
public sealed record ChannelDirection(NodeId Source, NodeId Destination, ChannelUpdate Update, ChannelAnnouncement Announcement);
