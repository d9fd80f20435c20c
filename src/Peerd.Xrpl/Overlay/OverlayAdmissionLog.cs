using Microsoft.Extensions.Logging;
using Peerd.Peering.Admission;
using Peerd.Xrpl.Hosting;

namespace Peerd.Xrpl.Overlay;

/// <summary>The shared admission's reports as the XRPL node's log events (<see cref="XrplLog"/>).</summary>
internal sealed class OverlayAdmissionLog(ILogger logger) : IAdmissionLog
{
    public void RateLimited(string remote) => XrplLog.RateLimited(logger, remote);

    public void Refused(string remote, string reason) => XrplLog.Refused(logger, remote, reason);

    public void EvictedHandshake(string remote, double ageSeconds, string newcomer) => XrplLog.EvictedHandshake(logger, remote, ageSeconds, newcomer);

    public void ShedPending(string cause, int inbound, int outbound, string suppressed) => XrplLog.ShedPending(logger, cause, inbound, outbound, suppressed);

    public void ShedPeer(string cause, string peer, bool inbound) => XrplLog.ShedPeer(logger, cause, peer, inbound ? "inbound" : "outbound");
}
