namespace Peerd.Peering.Admission;

/// <summary>
/// The numbers a <see cref="ConnectionAdmission"/> enforces on one peer port. Each network supplies its own, from its
/// tuning class where each number's reason is written (Lightning's <c>Tuning</c>, XRPL's <c>XrplTuning</c>).
/// </summary>
public sealed record AdmissionLimits
{
    /// <summary>Inbound peers at most, refused at accept; null when the network answers a full node later (XRPL's 503 redirect).</summary>
    public int? MaxInboundPeers { get; init; }

    /// <summary>Connections in their handshake (inbound and outbound) at most.</summary>
    public required int MaxPendingHandshakes { get; init; }

    /// <summary>With the handshake table full, an inbound handshake at least this old is closed to admit a new one.</summary>
    public required TimeSpan MinEvictableHandshakeAge { get; init; }

    /// <summary>Inbound connections one address may open at once (its token bucket's size).</summary>
    public required int InboundBurstPerAddress { get; init; }

    /// <summary>Inbound connections per second one address earns back.</summary>
    public required double InboundConnectionsPerSecondPerAddress { get; init; }

    /// <summary>Addresses whose rate is tracked at once.</summary>
    public required int RateLimitedAddresses { get; init; }

    /// <summary>Rate-limit loopback connections too (off: local tools, and Tor's forwarding, arrive from there).</summary>
    public bool RateLimitLoopback { get; init; }

    /// <summary>Descriptor-pressure reports are logged at most once per this interval, with a count of those folded in.</summary>
    public required TimeSpan ShedLogInterval { get; init; }

    /// <summary>How long the accept loop waits after a failed accept (<c>EMFILE</c>) before accepting again.</summary>
    public required TimeSpan AcceptBackoff { get; init; }
}
