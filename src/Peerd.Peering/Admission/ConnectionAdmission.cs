using System.Net;
using Peerd.Peering.Metrics;

namespace Peerd.Peering.Admission;

/// <summary>
/// Admission and shedding for one peer port, the same for every network: a per-address rate on inbound connections,
/// an optional inbound cap, a table of pending handshakes that closes its oldest inbound entry (once it has had its
/// chance) to admit a newcomer, and a descriptor budget. Under descriptor pressure — the budget reached, or the
/// kernel's <c>EMFILE</c>/<c>ENFILE</c> — every pending connection is closed first, then, if that was not enough, one
/// peer chosen at random, inbound first: Core Lightning's connectd (<c>close_random_connection</c>). Thread-safe;
/// its time is a <see cref="TimeProvider"/>, so every rule is testable without sockets or sleeps.
/// </summary>
public sealed class ConnectionAdmission
{
    private readonly AdmissionLimits _limits;
    private readonly IAdmissionHost _host;
    private readonly IAdmissionLog _log;
    private readonly TimeProvider _time;
    private readonly InboundRateLimiter _rate;
    private readonly ShedReporter _pendingReport;
    private readonly ShedReporter _peerReport;
    private readonly AdmissionMetrics? _metrics;

    /// <summary>Creates the admission for a host; computes (and logs) the socket budget.</summary>
    /// <param name="limits">The limits to enforce.</param>
    /// <param name="host">The registry of connected peers it guards.</param>
    /// <param name="log">Where it reports what it did.</param>
    /// <param name="time">Its clock.</param>
    /// <param name="metrics">Where it counts refusals and sheds (the network's), or null.</param>
    public ConnectionAdmission(AdmissionLimits limits, IAdmissionHost host, IAdmissionLog log, TimeProvider time, AdmissionMetrics? metrics = null)
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
        SocketBudget = DescriptorBudget.Compute(limits, out var descriptorLimit, out var open);
        log.Budget(SocketBudget, descriptorLimit, open, limits.DescriptorReserve);
    }

    /// <summary>The limits it enforces.</summary>
    public AdmissionLimits Limits => _limits;

    /// <summary>Peer sockets (peers plus pending handshakes) held at most before descriptor pressure.</summary>
    public int SocketBudget { get; }

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

        CheckBudget();
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
        CheckBudget();
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
    /// Descriptor pressure: closes every pending connection (but <paramref name="except"/>), then, if that was not
    /// enough, one peer chosen at random, inbound first.
    /// </summary>
    /// <param name="cause">What showed the pressure, for the log.</param>
    /// <param name="budgetKnown">
    /// True when the socket budget was reached (a peer is closed only if the peers alone still fill it); false for an
    /// <c>EMFILE</c>, where a peer is closed if nothing was pending, or if an inbound one can go.
    /// </param>
    /// <param name="except">A pending connection to spare.</param>
    public void Shed(string cause, bool budgetKnown, PendingConnections.Pending? except = null)
    {
        var (inbound, outbound) = Pending.ShedAll(except);
        _metrics?.HandshakesShed(inbound, outbound, budgetKnown);
        if ((inbound > 0 || outbound > 0) && _pendingReport.ShouldLog(out var suppressed))
        {
            _log.ShedPending(cause, inbound, outbound, suppressed);
        }

        var shedSomething = inbound + outbound > 0;
        var (peers, inboundPeers) = _host.CountPeers();
        var needed = budgetKnown ? peers + 1 > SocketBudget : !shedSomething || inboundPeers > 0;
        if (needed && _host.CloseRandomPeer(inboundOnly: !budgetKnown && shedSomething) is { } victim)
        {
            _metrics?.PeerShed(victim.Inbound, budgetKnown);
            if (_peerReport.ShouldLog(out _))
            {
                _log.ShedPeer(cause, victim.Peer, victim.Inbound);
            }
        }
    }

    private void CheckBudget()
    {
        if (_host.CountPeers().Peers + Pending.Count + 1 > SocketBudget)
        {
            Shed($"{SocketBudget} peer sockets is the budget", budgetKnown: true);
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
