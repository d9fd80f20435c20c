using Peerd.Peering.Admission;

namespace Peerd.Peering.Tests.Admission;

/// <summary>Admission limits for tests: small numbers (the tests give each admission a fixed budget, no dependence on the machine's limit).</summary>
internal static class Limits
{
    public static readonly AdmissionLimits Default = new()
    {
        MaxPendingHandshakes = 4,
        MinEvictableHandshakeAge = TimeSpan.FromSeconds(5),
        InboundBurstPerAddress = 20,
        InboundConnectionsPerSecondPerAddress = 1,
        RateLimitedAddresses = 4096,
        ShedLogInterval = TimeSpan.FromSeconds(10),
        AcceptBackoff = TimeSpan.FromMilliseconds(100),
    };
}

/// <summary>A registry of peers as the admission sees it: counts, and a record of the peers it closed.</summary>
internal sealed class FakeHost : IAdmissionHost
{
    public int Inbound { get; set; }

    public int Outbound { get; set; }

    public List<bool> Closed { get; } = [];

    public (int Peers, int Inbound) CountPeers() => (Inbound + Outbound, Inbound);

    public (string Peer, bool Inbound)? CloseRandomPeer(bool inboundOnly)
    {
        if (Inbound > 0)
        {
            Inbound--;
            Closed.Add(true);
            return ($"in{Closed.Count}", true);
        }

        if (inboundOnly || Outbound == 0)
        {
            return null;
        }

        Outbound--;
        Closed.Add(false);
        return ($"out{Closed.Count}", false);
    }
}

/// <summary>Every report the admission made, as text.</summary>
internal sealed class RecordingLog : IAdmissionLog
{
    public List<string> Lines { get; } = [];

    public void RateLimited(string remote) => Lines.Add($"rate {remote}");

    public void Refused(string remote, string reason) => Lines.Add($"refused {remote}: {reason}");

    public void EvictedHandshake(string remote, double ageSeconds, string newcomer) => Lines.Add($"evicted {remote} for {newcomer}");

    public void ShedPending(string cause, int inbound, int outbound, string suppressed) => Lines.Add($"shed {inbound} in {outbound} out ({cause}){suppressed}");

    public void ShedPeer(string cause, string peer, bool inbound) => Lines.Add($"shed peer {peer}");
}
