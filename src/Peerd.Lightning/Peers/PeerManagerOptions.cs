namespace Peerd.Lightning.Peers;

/// <summary>Liveness timings of the <see cref="PeerManager"/> (defaults from <see cref="Tuning"/>; tests shorten them).</summary>
public sealed record PeerManagerOptions
{
    /// <summary>How often every peer's liveness is checked.</summary>
    public TimeSpan PingTick { get; init; } = Tuning.PingTick;

    /// <summary>Idle time after which we ping.</summary>
    public TimeSpan PingIdle { get; init; } = Tuning.PingIdle;

    /// <summary>How long a ping may go unanswered.</summary>
    public TimeSpan PongTimeout { get; init; } = Tuning.PongTimeout;

    /// <summary>
    /// A second connection from a peer within this window of the first is a crossed connect (both sides dialled at
    /// once): the connection opened by the node with the greater id survives on both ends. Later, the new connection
    /// replaces the old one, which is presumed dead (Core Lightning's rule).
    /// </summary>
    public TimeSpan CrossedConnectWindow { get; init; } = TimeSpan.FromSeconds(5);
}
