using Microsoft.Extensions.Logging;
using Peerd.Lightning.Logging;
using Peerd.Peering.Admission;

namespace Peerd.Lightning.Peers.Policies;

/// <summary>The shared admission's reports as the Lightning node's log events (<see cref="PolicyLog"/>, <see cref="Log"/>).</summary>
internal sealed class AdmissionLog(ILogger logger) : IAdmissionLog
{
    public void RateLimited(string remote) => PolicyLog.RateLimited(logger, remote);

    public void Refused(string remote, string reason) => Log.Shed(logger, remote, reason);

    public void EvictedHandshake(string remote, double ageSeconds, string newcomer) => PolicyLog.EvictedHandshake(logger, remote, ageSeconds, newcomer);

    public void ShedPending(string cause, int inbound, int outbound, string suppressed) => PolicyLog.ShedTransient(logger, cause, inbound, outbound, suppressed);

    public void ShedPeer(string cause, string peer, bool inbound) => PolicyLog.ShedPeer(logger, cause, peer, inbound ? "in" : "out");
}
