using Peerd.Lightning.Node;
using Peerd.Lightning.Protocol.Addresses;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Protocol.Gossip;

namespace Peerd.Lightning.Gossip;

/// <summary>
/// What the address book knows about one node: its latest verified <c>node_announcement</c> (if any) and the
/// addresses we have connected to it at (most recent first). An immutable snapshot.
/// </summary>
public sealed class NodeRecord
{
    internal NodeRecord(NodeId id, NodeAnnouncement? announcement, IReadOnlyList<ConnectedAddress> connected)
    {
        Id = id;
        Announcement = announcement;
        Connected = connected;
        HasUnknownRequiredFeatures = announcement is not null && UnknownRequiredFeature(announcement.Features) is not null;
    }

    /// <summary>The node id.</summary>
    public NodeId Id { get; }

    /// <summary>The latest verified announcement, or null when the node is known only from our own connections.</summary>
    public NodeAnnouncement? Announcement { get; }

    /// <summary>The announcement's timestamp (<c>listnodes</c>' <c>last_timestamp</c>).</summary>
    public uint? LastTimestamp => Announcement?.Timestamp;

    /// <summary>
    /// The announced addresses worth showing and trying, in announcement order: BOLT #7's receiver rules applied
    /// (Tor v2 ignored, only the first DNS name kept).
    /// </summary>
    public IReadOnlyList<WireAddress> AnnouncedAddresses => Announcement is null ? [] : AddressOrder.Usable(Announcement.Addresses);

    /// <summary>Addresses we connected to this node at, most recent first.</summary>
    public IReadOnlyList<ConnectedAddress> Connected { get; }

    /// <summary>
    /// True when the announcement sets an even feature bit that BOLT #9 does not define ("if <c>features</c> field
    /// contains unknown even bits: SHOULD NOT connect to the node"). Kept and shown, not hidden: see
    /// <see cref="AddressBook.AddressesFor"/>.
    /// </summary>
    public bool HasUnknownRequiredFeatures { get; }

    /// <summary>The lowest unknown even bit of <paramref name="features"/>, or null.</summary>
    public static int? UnknownRequiredFeature(FeatureBits features)
    {
        ArgumentNullException.ThrowIfNull(features);
        foreach (int bit in features.SetBits())
        {
            if ((bit & 1) == 0 && !Feature.IsKnownBit(bit))
            {
                return bit;
            }
        }

        return null;
    }
}
