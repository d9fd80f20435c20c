namespace Peerd.Lightning.Gossip;

/// <summary>The per-peer budget for <c>node_announcement</c> signature checks.</summary>
public sealed record GossipResponderOptions
{
    /// <summary>
    /// Checks a peer may make us do at once (1,000). A signature check costs ~25 µs with libsecp256k1 (40k/s on one
    /// core); a peer dumping its whole view sends announcements back to back.
    /// </summary>
    public int VerificationBurst { get; init; } = 1_000;

    /// <summary>
    /// Checks per second a peer earns after the burst (200, i.e. at most ~0.5 % of a core per peer). Announcements
    /// we already hold cost nothing and are not counted; over budget they are dropped, not queued.
    /// </summary>
    public int VerificationsPerSecond { get; init; } = 200;

    /// <summary>Peers tracked before idle (full) budgets are forgotten (1,024).</summary>
    public int PruneThreshold { get; init; } = 1_024;
}
