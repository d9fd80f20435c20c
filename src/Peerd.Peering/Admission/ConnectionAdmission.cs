using System.Net;
using Peerd.Peering.Metrics;

namespace Peerd.Peering.Admission;

/// <summary>
/// Admission and shedding for one peer port, the same for every network: a per-address rate on inbound connections,
/// an optional inbound cap, a table of pending handshakes that closes its oldest inbound entry (once it has had its
/// chance) to admit a newcomer, and a share of the process's one <see cref="DescriptorBudget"/>. Under descriptor
/// pressure — the budget reached by all ports together, or the kernel's <c>EMFILE</c>/<c>ENFILE</c> — every pending
/// connection (on every port sharing the budget) is closed first, then, if that was not enough, one peer chosen at
/// random, inbound first: Core Lightning's connectd (<c>close_random_connection</c>). Thread-safe; its time is a
/// <see cref="TimeProvider"/>, so every rule is testable without sockets or sleeps. Dispose it when the port closes:
/// it leaves the budget.
/// </summary>
public sealed class ConnectionAdmission : IDisposable
{
    private readonly AdmissionLimits _limits;
    private readonly IAdmissionHost _host;
    private readonly IAdmissionLog _log;
    private readonly TimeProvider _time;
    private readonly InboundRateLimiter _rate;
    private readonly ShedReporter _pendingReport;
    private readonly ShedReporter _peerReport;
    private readonly AdmissionMetrics? _metrics;

    /// <summary>Creates the admission for a host, drawing on <paramref name="budget"/>.</summary>
    /// <param name="limits">The port's limits.</param>
    /// <param name="host">The port's registry of connected peers.</param>
    /// <param name="log">Where the port reports what admission did.</param>
    /// <param name="time">The clock.</param>
    /// <param name="budget">The process's descriptor budget, shared with the other ports; null: one of its own, computed now.</param>
    /// <param name="metrics">Where it counts refusals and sheds (the network's), or null.</param>
    public ConnectionAdmission(AdmissionLimits limits, IAdmissionHost host, IAdmissionLog log, TimeProvider time, DescriptorBudget? budget = null, AdmissionMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(time);
        _limits = limits;
        _host = host;
        _log = log;
        _time = time;
        _metrics = metrics;
        _rate = new InboundRateLimiter(limits, time);
        _pendingReport = new ShedReporter(time, limits.ShedLogInterval);
        _peerReport = new ShedReporter(time, limits.ShedLogInterval);
        Budget = budget ?? DescriptorBudget.ForProcess();
        Budget.Join(this);
    }

    /// <summary>The limits it enforces.</summary>
    public AdmissionLimits Limits => _limits;

    /// <summary>The descriptor budget it draws on, with the other ports sharing it.</summary>
    public DescriptorBudget Budget { get; }

    /// <summary>Peer sockets (all ports' peers plus pending handshakes) held at most before descriptor pressure.</summary>
    public int SocketBudget => Budget.Sockets;

    /// <summary>The pending handshakes.</summary>
    public PendingConnections Pending { get; } = new();

    /// <summary>
    /// The admission checks for an accepted connection, cheapest first: rate per address, inbound cap, descriptor
    /// budget (shedding if it is reached), handshake table (evicting its oldest inbound entry if that one is old
    /// enough). Returns the pending entry to hold (dispose it when the handshake ends), or null: refused, already
    /// logged; close the socket.
    /// </summary>
    /// <param name="address">The remote IP address (null for a Unix socket: no rate).</param>
    /// <param name="remote">The remote, for logs.</param>
    /// <param name="stopping">Cancels the handshake when the node stops.</param>
    public PendingConnections.Pending? AdmitInbound(IPAddress? address, string remote, CancellationToken stopping)
    {
        if (stopping.IsCancellationRequested)
        {
            return null;
        }

        if (address is not null && !_rate.TryAdmit(address))
        {
            _log.RateLimited(remote);
            _metrics?.RateLimited();
            return null;
        }

        if (_limits.MaxInboundPeers is { } cap && _host.CountPeers().Inbound >= cap)
        {
            _log.Refused(remote, "too many inbound peers");
            _metrics?.InboundCapReached();
            return null;
        }

        Budget.Check();
        if (Pending.Count >= _limits.MaxPendingHandshakes && !EvictOldestFor(remote))
        {
            _log.Refused(remote, "too many pending handshakes");
            _metrics?.PendingTableFull();
            return null;
        }

        return Pending.Add(inbound: true, remote, _time.GetTimestamp(), stopping);
    }

    /// <summary>
    /// Registers an outbound connection about to be dialled (shedding first if the budget is reached); dispose the
    /// result when its handshake ends.
    /// </summary>
    public PendingConnections.Pending BeginOutbound(string remote, CancellationToken linkedTo)
    {
        Budget.Check();
        return Pending.Add(inbound: false, remote, _time.GetTimestamp(), linkedTo);
    }

    /// <summary>
    /// Told that <c>accept</c> (or a dial) failed: on <c>EMFILE</c>/<c>ENFILE</c> it sheds, as Core Lightning does
    /// when <c>accept</c> fails, so the next attempt can succeed. True when it was descriptor exhaustion.
    /// </summary>
    /// <param name="exception">The failure.</param>
    /// <param name="cause">The failure as the network's logs word it ("Too many open files").</param>
    /// <param name="except">A pending connection to spare: the dial that hit the limit and retries.</param>
    public bool OnDescriptorFailure(Exception exception, string cause, PendingConnections.Pending? except = null)
    {
        if (!DescriptorBudget.IsExhaustion(exception))
        {
            return false;
        }

        Shed(cause, budgetKnown: false, except);
        return true;
    }

    /// <summary>
    /// Descriptor pressure: closes every pending connection on every port sharing the budget (but
    /// <paramref name="except"/>), then, if that was not enough, one peer chosen at random, inbound first.
    /// </summary>
    /// <param name="cause">What showed the pressure, for the log.</param>
    /// <param name="budgetKnown">
    /// True when the socket budget was reached (a peer is closed only if the peers alone still fill it); false for an
    /// <c>EMFILE</c>, where a peer is closed if nothing was pending, or if an inbound one can go.
    /// </param>
    /// <param name="except">A pending connection to spare.</param>
    public void Shed(string cause, bool budgetKnown, PendingConnections.Pending? except = null) => Budget.Shed(cause, budgetKnown, except);

    /// <summary>Leaves the budget: the port's sockets no longer count.</summary>
    public void Dispose() => Budget.Leave(this);

    /// <summary>The registry of connected peers it guards.</summary>
    internal IAdmissionHost Host => _host;

    /// <summary>For the budget: closes this port's pending connections (but <paramref name="except"/>); returns how many.</summary>
    internal int ShedPending(string cause, bool budgetKnown, PendingConnections.Pending? except)
    {
        var (inbound, outbound) = Pending.ShedAll(except);
        _metrics?.HandshakesShed(inbound, outbound, budgetKnown);
        if ((inbound > 0 || outbound > 0) && _pendingReport.ShouldLog(out var suppressed))
        {
            _log.ShedPending(cause, inbound, outbound, suppressed);
        }

        return inbound + outbound;
    }

    /// <summary>For the budget: closes one of this port's peers at random, inbound first, and reports it.</summary>
    internal void ClosePeer(string cause, bool budgetKnown, bool inboundOnly)
    {
        if (_host.CloseRandomPeer(inboundOnly) is { } victim)
        {
            _metrics?.PeerShed(victim.Inbound, budgetKnown);
            if (_peerReport.ShouldLog(out _))
            {
                _log.ShedPeer(cause, victim.Peer, victim.Inbound);
            }
        }
    }

    /// <summary>With the table full, closes its oldest inbound handshake if it has had its chance.</summary>
    private bool EvictOldestFor(string newcomer)
    {
        if (Pending.OldestInbound() is not { } oldest)
        {
            return false;
        }

        var age = _time.GetElapsedTime(oldest.Started);
        if (age < _limits.MinEvictableHandshakeAge || !oldest.Shed())
        {
            return false;
        }

        _log.EvictedHandshake(oldest.Remote, age.TotalSeconds, newcomer);
        _metrics?.HandshakeEvicted();
        return true;
    }
}
