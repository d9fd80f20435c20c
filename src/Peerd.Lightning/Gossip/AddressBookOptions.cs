namespace Peerd.Lightning.Gossip;

/// <summary>
/// The address book's bounds, each with its reason. The defaults are the production values; tests shrink them.
/// </summary>
public sealed record AddressBookOptions
{
    /// <summary>
    /// Nodes kept at most (50,000: about three times the ~17,000 nodes that announce themselves on mainnet). Memory
    /// stays under ~25 MB at typical announcement sizes and ~110 MB if every one is as long as
    /// <see cref="MaxAnnouncementLength"/>. When full, a new node evicts the node with the oldest announcement among
    /// those we never connected to (then the one connected to longest ago).
    /// </summary>
    public int MaxNodes { get; init; } = 50_000;

    /// <summary>
    /// The longest <c>node_announcement</c> stored (2,048 bytes). A typical one is 150–400 bytes: 140 fixed, features
    /// up to ~40, a few addresses (a DNS name is at most 258) and <c>option_will_fund</c> (at most ~170 for the 10
    /// rates BOLT #7 allows). Longer ones are refused, not truncated (the signature covers every byte).
    /// </summary>
    public int MaxAnnouncementLength { get; init; } = 2_048;

    /// <summary>
    /// Announced addresses tried per node (16). Each failing address can cost a TCP connect deadline, so a node that
    /// announces hundreds must not hold a <c>connect</c> for hours; real nodes announce one to four.
    /// </summary>
    public int MaxAnnouncedAddresses { get; init; } = 16;

    /// <summary>Addresses we connected to remembered per node (8, most recent kept): a node moves rarely.</summary>
    public int MaxConnectedAddresses { get; init; } = 8;

    /// <summary>
    /// How far ahead of our clock an announcement's timestamp may be (1 day). Timestamps are Unix seconds in every
    /// implementation; one far in the future would freeze the node's record (no later announcement could replace it)
    /// and win every eviction.
    /// </summary>
    public TimeSpan MaxFutureSkew { get; init; } = TimeSpan.FromDays(1);

    /// <summary>The log is compacted only once it is this long (1 MiB) and holds more dead bytes than live ones.</summary>
    public long CompactionMinimumBytes { get; init; } = 1 << 20;

    /// <summary>
    /// How often appended records are forced to disk (1 s). Every record reaches the kernel when appended, so killing
    /// the process loses nothing; a power loss loses at most this much gossip, which peers send again.
    /// </summary>
    public TimeSpan SyncInterval { get; init; } = TimeSpan.FromSeconds(1);
}
