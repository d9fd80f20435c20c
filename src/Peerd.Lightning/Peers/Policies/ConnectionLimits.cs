using Peerd.Peering.Admission;

namespace Peerd.Lightning.Peers.Policies;

/// <summary>
/// The connection limits a <see cref="PeerManager"/> enforces. Defaults come from <see cref="Tuning"/>, where each
/// number's reason is written; tests shrink them to reach the limits with a handful of sockets.
/// </summary>
public sealed record ConnectionLimits
{
    /// <summary>Inbound peers at most; further inbound connections are refused at accept.</summary>
    public int MaxInboundPeers { get; init; } = Tuning.MaxInboundPeers;

    /// <summary>Outbound peers (and attempts in flight) at most; a further <c>connect</c> fails at once.</summary>
    public int MaxOutboundPeers { get; init; } = Tuning.MaxOutboundPeers;

    /// <summary>Handshakes in flight (inbound and outbound) at most.</summary>
    public int MaxPendingHandshakes { get; init; } = Tuning.MaxPendingHandshakes;

    /// <summary>With the handshake table full, an inbound handshake at least this old is closed to admit a new one.</summary>
    public TimeSpan MinEvictableHandshakeAge { get; init; } = Tuning.MinEvictableHandshakeAge;

    /// <summary>Inbound connections one address may open at once (the token bucket's size).</summary>
    public int InboundBurstPerAddress { get; init; } = Tuning.InboundBurstPerAddress;

    /// <summary>Inbound connections per second one address earns back.</summary>
    public double InboundConnectionsPerSecondPerAddress { get; init; } = Tuning.InboundConnectionsPerSecondPerAddress;

    /// <summary>Addresses whose rate is tracked at once.</summary>
    public int RateLimitedAddresses { get; init; } = Tuning.RateLimitedAddresses;

    /// <summary>
    /// Rate-limit loopback connections too. Off by default: connections from this machine are Tor's hidden-service
    /// forwarding (every onion peer would share one bucket) and local tools.
    /// </summary>
    public bool RateLimitLoopback { get; init; }

    /// <summary>These limits in the shared admission's terms.</summary>
    public AdmissionLimits ToAdmission() => new()
    {
        MaxInboundPeers = MaxInboundPeers,
        MaxPendingHandshakes = MaxPendingHandshakes,
        MinEvictableHandshakeAge = MinEvictableHandshakeAge,
        InboundBurstPerAddress = InboundBurstPerAddress,
        InboundConnectionsPerSecondPerAddress = InboundConnectionsPerSecondPerAddress,
        RateLimitedAddresses = RateLimitedAddresses,
        RateLimitLoopback = RateLimitLoopback,
        ShedLogInterval = Tuning.ShedLogInterval,
        AcceptBackoff = Tuning.AcceptBackoff,
    };
}
