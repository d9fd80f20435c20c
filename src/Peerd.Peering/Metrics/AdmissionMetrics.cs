using System.Diagnostics;

namespace Peerd.Peering.Metrics;

/// <summary>
/// What a <see cref="Admission.ConnectionAdmission"/> counts on <see cref="PeerdMetrics.Refused"/> and
/// <see cref="PeerdMetrics.Shed"/> for one network: every event, including those its throttled log lines fold together.
/// </summary>
public sealed class AdmissionMetrics
{
    /// <summary>The Lightning peer port's.</summary>
    public static readonly AdmissionMetrics Lightning = new("lightning");

    /// <summary>The XRPL peer port's.</summary>
    public static readonly AdmissionMetrics Xrpl = new("xrpl");

    private readonly string _network;

    /// <summary>Creates the counters' labels for <paramref name="network"/>.</summary>
    public AdmissionMetrics(string network) => _network = network;

    /// <summary>An inbound connection beyond its address's rate.</summary>
    public void RateLimited() => Refuse("rate_limited");

    /// <summary>An inbound connection refused: the inbound cap was reached.</summary>
    public void InboundCapReached() => Refuse("inbound_cap");

    /// <summary>An inbound connection refused: the pending-handshake table was full.</summary>
    public void PendingTableFull() => Refuse("pending_full");

    /// <summary>The oldest inbound handshake closed to admit a newcomer.</summary>
    public void HandshakeEvicted() => Count(1, "handshake", inbound: true, "eviction");

    /// <summary>Descriptor pressure closed pending handshakes.</summary>
    /// <param name="inbound">Inbound ones closed.</param>
    /// <param name="outbound">Outbound ones closed.</param>
    /// <param name="budget">True when the socket budget was reached; false for the kernel's <c>EMFILE</c>/<c>ENFILE</c>.</param>
    public void HandshakesShed(int inbound, int outbound, bool budget)
    {
        Count(inbound, "handshake", inbound: true, Reason(budget));
        Count(outbound, "handshake", inbound: false, Reason(budget));
    }

    /// <summary>Descriptor pressure closed a peer chosen at random.</summary>
    public void PeerShed(bool inbound, bool budget) => Count(1, "peer", inbound, Reason(budget));

    private static string Reason(bool budget) => budget ? "descriptor_budget" : "descriptors_exhausted";

    private void Refuse(string reason) => PeerdMetrics.Refused.Add(1, new TagList { PeerdMetrics.NetworkTag(_network), { "reason", reason } });

    private void Count(int count, string kind, bool inbound, string reason)
    {
        if (count > 0)
        {
            PeerdMetrics.Shed.Add(count, new TagList
            {
                PeerdMetrics.NetworkTag(_network),
                { "kind", kind },
                { "direction", inbound ? "inbound" : "outbound" },
                { "reason", reason },
            });
        }
    }
}
