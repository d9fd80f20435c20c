using Peerd.Lightning.Node;
using Peerd.Lightning.Protocol.Gossip;

namespace Peerd.Lightning.Gossip;

/// <summary>One direction of a channel as <c>listchannels</c> shows it: its ends, its newest update and its announcement.</summary>
/// <param name="Source">The node that signed the update.</param>
/// <param name="Destination">The other end.</param>
/// <param name="Update">The newest update of this direction.</param>
/// <param name="Announcement">The channel's announcement (features).</param>
/// <param name="AmountMsat">
/// <c>amount_msat</c>: Core Lightning reads the funding output; without a chain source it is the larger
/// <c>htlc_maximum_msat</c> of the channel's two directions, the least the channel can hold.
/// </param>
public sealed record ChannelDirection(NodeId Source, NodeId Destination, ChannelUpdate Update, ChannelAnnouncement Announcement, ulong AmountMsat);
