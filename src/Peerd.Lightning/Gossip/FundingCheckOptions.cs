namespace Peerd.Lightning.Gossip;

/// <summary>The bounds of the funding-output check, each with its reason.</summary>
public sealed record FundingCheckOptions
{
    /// <summary>Lookups in flight at most (a batch's announcements are looked up together; bitcoind serves a few RPC threads).</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>
    /// How long an announcement waits for an unreachable bitcoind before it is refused: Core Lightning's
    /// <c>bitcoin-retry-timeout</c> default (60 s), after which Core Lightning stops; Peerd keeps running and refuses.
    /// </summary>
    public TimeSpan DeferFor { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The first wait between retries while bitcoind is unreachable (doubled up to <see cref="MaxRetryDelay"/>).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between retries.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>Once bitcoind has been unreachable longer than <see cref="DeferFor"/>, one lookup per this interval tries it; the others are refused at once.</summary>
    public TimeSpan ProbeInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often "bitcoind is unreachable" is logged at most.</summary>
    public TimeSpan LogInterval { get; init; } = TimeSpan.FromMinutes(1);
}
