namespace Peerd.Lightning.Gossip;

/// <summary>Every bound of the channel graph, each with its reason.</summary>
public sealed record GossipLimits
{
    /// <summary>
    /// Channels kept at most. Without a chain source the funding outputs cannot be checked, so a peer could announce
    /// channels that do not exist; this caps what that costs (~1 KiB each, so 400 MB at the cap). Mainnet has ~60,000.
    /// </summary>
    public int MaxChannels { get; init; } = 400_000;

    /// <summary>
    /// <c>node_announcement</c>s held for a channel that has not arrived yet (BOLT #7 ties them to channels; they can
    /// overtake their channel when relayed from several peers). Oldest first out.
    /// </summary>
    public int MaxHeldAnnouncements { get; init; } = 4_096;

    /// <summary>How long a held announcement waits for its channel.</summary>
    public TimeSpan HeldFor { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>BOLT #7: a channel whose newest update is older than two weeks (1209600 s) "MAY" be pruned.</summary>
    public uint PruneAfterSeconds { get; init; } = 1_209_600;

    /// <summary>How far ahead of our clock a timestamp may be (clock skew); further is refused.</summary>
    public uint MaxFutureSeconds { get; init; } = 3_600;

    /// <summary>Updates per channel direction (and announcements per node) in a burst (Core Lightning's old TOKEN_MAX).</summary>
    public int UpdateBurst { get; init; } = 12;

    /// <summary>One more update per this many seconds (Core Lightning's GOSSIP_TOKEN_TIME, one hour).</summary>
    public uint UpdateTokenSeconds { get; init; } = 3_600;

    /// <summary>The longest <c>node_announcement</c> kept (addresses and extensions of honest nodes are far shorter).</summary>
    public int MaxNodeAnnouncementLength { get; init; } = 4_096;

    /// <summary>The longest <c>channel_announcement</c> kept (its features are a few bytes).</summary>
    public int MaxChannelAnnouncementLength { get; init; } = 1_024;
}
