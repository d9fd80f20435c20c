using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Peerd.Lightning.Logging;
using Peerd.Lightning.Peers.Policies;
using Peerd.Lightning.Transport;

namespace Peerd.Lightning.Peers;

/// <summary>
/// The <see cref="PeerManager"/>'s connection limits (<see cref="ConnectionLimits"/>): admission of accepted sockets
/// (rate per address, inbound cap, handshake table), the outbound cap's bookkeeping, and descriptor pressure.
/// </summary>
public sealed partial class PeerManager
{
    private readonly PendingConnections _pending = new();
    private readonly InboundRateLimiter _rate;
    private readonly ShedReporter _shedReport;
    private readonly ShedReporter _peerShedReport;
    private readonly int _socketBudget;
    private int _inbound;
    private int _outbound;

    /// <summary>Peer sockets (peers plus pending handshakes) held at most before descriptor pressure.</summary>
    public int SocketBudget => _socketBudget;

    /// <summary>Connected peers that dialled us.</summary>
    public int InboundPeers => Volatile.Read(ref _inbound);

    /// <summary>Connected peers we dialled.</summary>
    public int OutboundPeers => Volatile.Read(ref _outbound);

    /// <summary>
    /// Tells the manager that accepting failed (for the listener's accept loop): on <c>EMFILE</c>/<c>ENFILE</c> it
    /// sheds, as Core Lightning does when <c>accept</c> fails, so the next accept can succeed.
    /// </summary>
    public void OnAcceptFailed(Exception exception)
    {
        if (DescriptorBudget.IsExhaustion(exception))
        {
            ShedForDescriptors(SocketErrors.Describe(exception), budgetKnown: false);
        }
    }

    /// <summary>The reason Core Lightning gives an attempt closed to free descriptors (errno EMFILE).</summary>
    public const string TooManyConnections = "Terminated due to too many connections";

    /// <summary>
    /// The admission checks for an accepted socket, cheapest first: rate per address, inbound cap, descriptor budget,
    /// handshake table. False with a reason to log at Information (null: already logged at Debug).
    /// </summary>
    private bool Admit(PeerEndpoint remote, out string? refusal)
    {
        refusal = null;
        if (_stopping.IsCancellationRequested)
        {
            return false;
        }

        if (remote.Ip is { } ip && !_rate.TryAdmit(ip))
        {
            PolicyLog.RateLimited(_logger, remote.ToString());
            return false;
        }

        if (Volatile.Read(ref _inbound) >= _limits.MaxInboundPeers)
        {
            refusal = "too many inbound peers";
            return false;
        }

        if (PeerCount + _pending.Count + 1 > _socketBudget)
        {
            ShedForDescriptors($"{_socketBudget} peer sockets is the budget", budgetKnown: true);
        }

        if (_pending.Count < _limits.MaxPendingHandshakes)
        {
            return true;
        }

        // The table is full: make room by closing the oldest inbound handshake, if it has had its chance.
        if (_pending.OldestInbound() is { } oldest && _time.GetElapsedTime(oldest.Started) >= _limits.MinEvictableHandshakeAge && oldest.Shed())
        {
            PolicyLog.EvictedHandshake(_logger, oldest.Remote.ToString(), _time.GetElapsedTime(oldest.Started).TotalSeconds, remote.ToString());
            return true;
        }

        refusal = "too many pending handshakes";
        return false;
    }

    /// <summary>
    /// Descriptor pressure: close every pending connection (inbound handshakes, outbound addresses being tried —
    /// those attempts move on to their next address with "Terminated due to too many connections"), then, if that
    /// was not enough, one peer chosen at random, inbound first (Core Lightning's <c>close_random_connection</c>).
    /// </summary>
    /// <param name="cause">What showed the pressure, for the log.</param>
    /// <param name="budgetKnown">
    /// True when the socket budget was reached (a peer is closed only if the peers alone still fill it); false for an
    /// <c>EMFILE</c>, where a peer is closed if nothing was pending, or if an inbound one can go.
    /// </param>
    /// <param name="except">A pending connection to spare: the dial that hit the limit and retries.</param>
    private void ShedForDescriptors(string cause, bool budgetKnown, PendingConnections.Pending? except = null)
    {
        var (inbound, outbound) = _pending.ShedAll(except);
        if ((inbound > 0 || outbound > 0) && _shedReport.ShouldLog(out var suppressed))
        {
            PolicyLog.ShedTransient(_logger, cause, inbound, outbound, suppressed);
        }

        Peer? victim;
        lock (_lock)
        {
            var shedSomething = inbound + outbound > 0;
            var needed = budgetKnown ? _peers.Count + 1 > _socketBudget : !shedSomething || _inbound > 0;
            victim = needed ? PickVictim(inboundOnly: !budgetKnown && shedSomething) : null;
        }

        if (victim is not null)
        {
            if (_peerShedReport.ShouldLog(out _))
            {
                PolicyLog.ShedPeer(_logger, cause, victim.Connection.NodeId.ToString(), victim.Connection.Direction == PeerDirection.In ? "in" : "out");
            }

            victim.Connection.Close(TooManyConnections);
        }
    }

    private int PeerCount
    {
        get
        {
            lock (_lock)
            {
                return _peers.Count;
            }
        }
    }

    /// <summary>A random peer, inbound ones first (they are unsolicited; outbound ones the operator asked for). Under the lock.</summary>
    private Peer? PickVictim(bool inboundOnly)
    {
        var wantInbound = _inbound > 0;
        if (inboundOnly && !wantInbound)
        {
            return null;
        }

        var candidates = _peers.Values.Where(p => !p.Connection.IsClosing && (p.Connection.Direction == PeerDirection.In) == wantInbound).ToList();
        return candidates.Count == 0 ? null : candidates[Random.Shared.Next(candidates.Count)];
    }

    /// <summary>
    /// Dials, and on <c>EMFILE</c>/<c>ENFILE</c> sheds and tries once more (Core Lightning's <c>try_connect_one_addr</c>).
    /// </summary>
    private async Task<DialResult> DialAsync(PeerEndpoint address, PendingConnections.Pending pending)
    {
        try
        {
            return await _dialer.DialAsync(address, _local.ConnectTimeout, pending.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (DescriptorBudget.IsExhaustion(e))
        {
            ShedForDescriptors(SocketErrors.Describe(e is ConnectFailedException { InnerException: { } inner } ? inner : e), budgetKnown: false, except: pending);
            try
            {
                return await _dialer.DialAsync(address, _local.ConnectTimeout, pending.Token).ConfigureAwait(false);
            }
            catch (SocketException again) when (DescriptorBudget.IsExhaustion(again))
            {
                throw new ConnectFailedException(ConnectStage.Establishment, TooManyConnections, again);
            }
        }
    }

    /// <summary>Keeps the inbound and outbound counts in step with <c>_peers</c>; under the lock.</summary>
    private void CountPeer(PeerDirection direction, int delta)
    {
        if (direction == PeerDirection.In)
        {
            _inbound += delta;
        }
        else
        {
            _outbound += delta;
        }
    }
}
