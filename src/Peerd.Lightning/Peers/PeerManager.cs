using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Peerd.Lightning.Logging;
using Peerd.Lightning.Metrics;
using Peerd.Lightning.Node;
using Peerd.Lightning.Peers.Policies;
using Peerd.Lightning.Transport;
using Peerd.Peering;
using Peerd.Peering.Admission;
using Peerd.Peering.Connections;
using Peerd.Peering.Metrics;

namespace Peerd.Lightning.Peers;

/// <summary>
/// The single owner of peer state: connected peers by node id, outbound attempts in flight, inbound handshakes,
/// and the liveness timer. Connections report their closing here; nothing else removes a peer. It also enforces the
/// <see cref="ConnectionLimits"/>: a per-address rate on inbound connections, separate inbound and outbound caps,
/// the handshake table (oldest inbound handshake evicted when full), and descriptor pressure — at the socket budget,
/// or on <c>EMFILE</c>/<c>ENFILE</c>, every pending connection is closed ("Terminated due to too many connections")
/// and, if that freed nothing, a random peer (inbound first), as Core Lightning's connectd does.
/// </summary>
public sealed class PeerManager : IAsyncDisposable, IAdmissionHost
{
    private readonly LocalNode _local;
    private readonly IPeerDialer _dialer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly PeerManagerOptions _options;
    private readonly Lock _lock = new();
    private readonly Dictionary<NodeId, Peer> _peers = [];
    private readonly Dictionary<NodeId, ConnectAttempt> _attempts = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly ITimer _pingTimer;
    private readonly ConnectionLimits _limits;
    private readonly ConnectionAdmission _admission;
    private int _inbound;
    private int _outbound;

    /// <summary>Creates the manager and starts its liveness timer.</summary>
    /// <param name="local">Our node.</param>
    /// <param name="dialer">How outbound connections are made.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">Where the manager logs.</param>
    /// <param name="options">Liveness settings.</param>
    /// <param name="limits">Admission limits.</param>
    /// <param name="budget">The process's descriptor budget, shared with the other peer port; null: one of its own.</param>
    public PeerManager(LocalNode local, IPeerDialer dialer, TimeProvider time, ILogger logger, PeerManagerOptions? options = null, ConnectionLimits? limits = null, DescriptorBudget? budget = null)
    {
        _local = local;
        _dialer = dialer;
        _time = time;
        _logger = logger;
        _options = options ?? new PeerManagerOptions();
        _limits = limits ?? new ConnectionLimits();
        _admission = new ConnectionAdmission(_limits.ToAdmission(), this, new AdmissionLog(logger), time, budget, AdmissionMetrics.Lightning);
        _pingTimer = time.CreateTimer(_ => OnPingTick(), null, _options.PingTick, _options.PingTick);
    }

    /// <summary>Raised (on a pool thread) when a peer completes <c>init</c>.</summary>
    public event Action<PeerConnection>? PeerConnected;

    /// <summary>Raised when a message other than ping/pong/warning/error arrives (gossip, custom); runs on the read loop.</summary>
    public event PeerConnection.MessageHandler? MessageReceived;

    /// <summary>Awaited before each socket read of every peer (flow control for a consumer of <see cref="MessageReceived"/>).</summary>
    public PeerConnection.ReadGate? ReadGate { get; set; }

    /// <summary>Our node.</summary>
    public LocalNode Local => _local;

    /// <summary>Handshakes in flight now (inbound, and outbound addresses being dialled or handshaken).</summary>
    public int PendingHandshakes => _admission.Pending.Count;

    /// <summary>Peer sockets (peers plus pending handshakes, both peer ports together) held at most before descriptor pressure.</summary>
    public int SocketBudget => _admission.SocketBudget;

    /// <summary>Connected peers that dialled us.</summary>
    public int InboundPeers => Volatile.Read(ref _inbound);

    /// <summary>Connected peers we dialled.</summary>
    public int OutboundPeers => Volatile.Read(ref _outbound);

    /// <summary>The reason Core Lightning gives an attempt closed to free descriptors (errno EMFILE).</summary>
    public const string TooManyConnections = ExhaustionRetry.TooManyConnections;

    /// <summary>
    /// Tells the manager that accepting failed (for the listener's accept loop): on <c>EMFILE</c>/<c>ENFILE</c> it
    /// sheds, as Core Lightning does when <c>accept</c> fails, so the next accept can succeed.
    /// </summary>
    public void OnAcceptFailed(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        _admission.OnDescriptorFailure(exception, SocketErrors.Describe(exception));
    }

    /// <summary>How many peers are connected now.</summary>
    public int ConnectedCount
    {
        get
        {
            lock (_lock)
            {
                return _peers.Count;
            }
        }
    }

    /// <summary>A snapshot of the connected peers.</summary>
    public IReadOnlyList<PeerConnection> Peers
    {
        get
        {
            lock (_lock)
            {
                return [.. _peers.Values.Select(p => p.Connection)];
            }
        }
    }

    /// <summary>A snapshot of the outbound attempts in flight (a completed one may linger briefly: it is left out).</summary>
    public IReadOnlyList<ConnectAttempt> Attempts
    {
        get
        {
            lock (_lock)
            {
                return [.. _attempts.Values.Where(a => !a.Outcome.IsCompleted)];
            }
        }
    }

    /// <summary>The connected peer with <paramref name="id"/>, if any.</summary>
    public bool TryGetPeer(NodeId id, out PeerConnection connection)
    {
        lock (_lock)
        {
            if (_peers.TryGetValue(id, out var peer))
            {
                connection = peer.Connection;
                return true;
            }
        }

        connection = null!;
        return false;
    }

    /// <summary>The last ping round trip to a peer, if measured.</summary>
    public TimeSpan? RoundTrip(NodeId id)
    {
        lock (_lock)
        {
            return _peers.TryGetValue(id, out var peer) ? peer.Ping.LastRoundTrip : null;
        }
    }

    /// <summary>
    /// Connects to <paramref name="id"/> through <paramref name="addresses"/>, tried in order. Returns at once when
    /// already connected; joins an attempt in flight (adding the addresses). Completes after <c>init</c>. With a
    /// <paramref name="timeout"/>, this caller stops waiting then (401 naming the stage that was running), and the
    /// attempt is abandoned if nobody else waits for it.
    /// </summary>
    public async Task<ConnectOutcome> ConnectAsync(NodeId id, IReadOnlyList<PeerEndpoint> addresses, TimeSpan? timeout = null)
    {
        ConnectAttempt attempt;
        var start = false;
        lock (_lock)
        {
            // A connection already closing (disconnected, not yet reaped) does not count: connect afresh.
            if (_peers.TryGetValue(id, out var peer) && !peer.Connection.IsClosing)
            {
                return ConnectOutcome.Success(peer.Connection);
            }

            // A completed attempt may linger until its dial loop unwinds; a new connect starts afresh.
            if (_attempts.TryGetValue(id, out var running) && !running.Outcome.IsCompleted)
            {
                attempt = running;
                attempt.AddAddresses(addresses);
            }
            else if (_outbound + _attempts.Count >= _limits.MaxOutboundPeers)
            {
                return ConnectOutcome.Failure(
                    ConnectErrorCodes.AllAddressesFailed,
                    $"Unable to connect: {_limits.MaxOutboundPeers} outbound peers and attempts is the limit; disconnect one first");
            }
            else
            {
                attempt = new ConnectAttempt(id, _time.GetUtcNow());
                attempt.AddAddresses(addresses);
                _attempts[id] = attempt;
                start = true;
            }

            attempt.Join();
        }

        if (start)
        {
            // Started inline: the dial's first steps run on the caller's thread, with no hop through the pool.
            _ = RunAttemptAsync(attempt);
        }

        if (timeout is not { } limit)
        {
            return await attempt.Outcome.ConfigureAwait(false);
        }

        try
        {
            return await attempt.Outcome.WaitAsync(limit, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var message = attempt.TimedOutMessage();
            if (attempt.Leave() == 0)
            {
                await attempt.Cancellation.CancelAsync().ConfigureAwait(false);
            }

            return attempt.Outcome.IsCompletedSuccessfully && attempt.Outcome.Result.Succeeded
                ? attempt.Outcome.Result
                : ConnectOutcome.Failure(ConnectErrorCodes.AllAddressesFailed, message);
        }
    }

    /// <summary>Disconnects a peer, or cancels an attempt in flight (its callers get 402). False if neither exists.</summary>
    public async Task<bool> DisconnectAsync(NodeId id)
    {
        Peer? peer;
        ConnectAttempt? attempt;
        lock (_lock)
        {
            _peers.TryGetValue(id, out peer);
            if (!_attempts.TryGetValue(id, out attempt) || attempt.Outcome.IsCompleted)
            {
                attempt = null;
            }
        }

        if (attempt is not null)
        {
            attempt.Complete(ConnectOutcome.Failure(ConnectErrorCodes.DisconnectedDuring, "disconnected during connection"));
            await attempt.Cancellation.CancelAsync().ConfigureAwait(false);
        }

        if (peer is not null)
        {
            // Removed here, not when its read loop notices: once disconnect returns, the peer is gone.
            peer.Connection.Close("disconnected by request");
            Remove(peer);
        }

        return peer is not null || attempt is not null;
    }

    /// <summary>Takes ownership of an accepted socket: admission, then the responder side over its stream.</summary>
    public Task AcceptAsync(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        PeerEndpoint remote;
        try
        {
            remote = socket.RemoteEndPoint is { } ep ? PeerEndpoint.FromEndPoint(ep) : PeerEndpoint.LocalSocket("");
        }
        catch (SocketException)
        {
            // Reset before we looked at it.
            socket.Dispose();
            return Task.CompletedTask;
        }

        var pending = _admission.AdmitInbound(remote.Ip, remote.ToString(), _stopping.Token);
        if (pending is null)
        {
            socket.Dispose();
            return Task.CompletedTask;
        }

        return RespondAsync(PeerStreams.Open(socket), remote, pending);
    }

    /// <summary>
    /// Takes ownership of an accepted connection's <paramref name="stream"/> from <paramref name="remote"/> (a socket's,
    /// or an in-memory one): admission first (a refused stream is closed at once), then the responder side.
    /// </summary>
    public Task AcceptAsync(Stream stream, PeerEndpoint remote)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(remote);
        var pending = _admission.AdmitInbound(remote.Ip, remote.ToString(), _stopping.Token);
        if (pending is null)
        {
            stream.Dispose();
            return Task.CompletedTask;
        }

        return RespondAsync(stream, remote, pending);
    }

    private async Task RespondAsync(Stream stream, PeerEndpoint remote, PendingConnections.Pending pending)
    {
        using var admitted = pending;
        try
        {
            Log.Accepted(_logger, remote);
            var connection = await ConnectionEstablisher.InboundAsync(stream, remote, _local, _time, pending.Token).ConfigureAwait(false);
            Register(connection);
        }
        catch (ConnectFailedException e)
        {
            Log.InboundFailed(_logger, remote.ToString(), e.Stage, e.Reason);
        }
        catch (OperationCanceledException)
        {
            if (pending.WasShed)
            {
                Log.InboundFailed(_logger, remote.ToString(), ConnectStage.Handshake, TooManyConnections);
            }
        }
        catch (Exception e)
        {
            Log.ConnectionFault(_logger, e, remote.ToString());
        }
    }

    private async Task RunAttemptAsync(ConnectAttempt attempt)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(attempt.Cancellation.Token, _stopping.Token);
        var token = linked.Token;
        try
        {
            for (var i = 0; attempt.TryGetAddress(i, out var address) && !attempt.Outcome.IsCompleted; i++)
            {
                attempt.SetStage(address, ConnectStage.Establishment);
                Log.Dialing(_logger, attempt.NodeId, address);
                using var pending = _admission.BeginOutbound(address.ToString(), token);
                var began = _time.GetTimestamp();
                try
                {
                    // The dial returns at its first wait (SYN sent); Act One is made meanwhile.
                    var dialing = ExhaustionRetry.DialAsync(_dialer, address, _local.ConnectTimeout, pending, _admission);
                    var opening = OutboundOpening.Create(_local.Key, attempt.NodeId);
                    var dialed = await dialing.ConfigureAwait(false);
                    if (dialed.Expanded is { Count: > 0 } expanded)
                    {
                        // A name resolved to several addresses: they go to the end of the list, as in Core Lightning.
                        attempt.AddAddresses(expanded);
                        continue;
                    }

                    attempt.SetStage(address, ConnectStage.Handshake);
                    var connection = await ConnectionEstablisher.OutboundAsync(dialed.Stream!, dialed.Remote ?? address, attempt.NodeId, opening, _local, _time, pending.Token).ConfigureAwait(false);
                    LightningMetrics.ConnectEnded(null, ok: true, _time.GetElapsedTime(began));
                    var kept = Register(connection);
                    attempt.Complete(ConnectOutcome.Success(kept));
                    return;
                }
                catch (ConnectFailedException e)
                {
                    var failure = new ConnectFailure(address.ToString(), e.Stage, DescriptorBudget.IsExhaustion(e) ? TooManyConnections : e.Reason);
                    attempt.AddFailure(failure);
                    LightningMetrics.ConnectEnded(e.Stage, ok: false, _time.GetElapsedTime(began));
                    Log.DialFailed(_logger, attempt.NodeId.ToString(), address.ToString(), failure.ToString());
                }
                catch (DialRefusedException e)
                {
                    attempt.AddFailure(new ConnectFailure(address.ToString(), null, e.Message));
                    LightningMetrics.ConnectEnded(null, ok: false, _time.GetElapsedTime(began));
                }
                catch (OperationCanceledException) when (pending.WasShed && !token.IsCancellationRequested)
                {
                    // Closed to free descriptors: Core Lightning's EMFILE text, then the next address.
                    var failure = new ConnectFailure(address.ToString(), attempt.CurrentStage, TooManyConnections);
                    attempt.AddFailure(failure);
                    LightningMetrics.ConnectEnded(attempt.CurrentStage, ok: false, _time.GetElapsedTime(began));
                    Log.DialFailed(_logger, attempt.NodeId.ToString(), address.ToString(), failure.ToString());
                }
            }

            // Our dial failed, but the peer may have connected to us meanwhile (a crossed connect whose inbound side
            // waited for this dial): that connection is the answer.
            if (TryGetPeer(attempt.NodeId, out var crossed))
            {
                attempt.Complete(ConnectOutcome.Success(crossed));
                return;
            }

            attempt.Complete(attempt.Failures.Count == 0
                ? ConnectOutcome.Failure(ConnectErrorCodes.NoKnownAddress, "Unable to connect, no address known for peer")
                : ConnectOutcome.Failure(ConnectErrorCodes.AllAddressesFailed, attempt.AllFailedMessage()));
        }
        catch (OperationCanceledException)
        {
            attempt.Complete(ConnectOutcome.Failure(ConnectErrorCodes.DisconnectedDuring, "disconnected during connection"));
        }
        catch (Exception e)
        {
            Log.ConnectionFault(_logger, e, attempt.CurrentAddress?.ToString() ?? "?");
            attempt.Complete(ConnectOutcome.Failure(ConnectErrorCodes.AllAddressesFailed, $"All addresses failed: internal error: {e.Message}. "));
        }
        finally
        {
            lock (_lock)
            {
                if (_attempts.TryGetValue(attempt.NodeId, out var current) && current == attempt)
                {
                    _attempts.Remove(attempt.NodeId);
                }
            }
        }
    }

    /// <inheritdoc />
    (int Peers, int Inbound) IAdmissionHost.CountPeers()
    {
        lock (_lock)
        {
            return (_peers.Count, _inbound);
        }
    }

    /// <inheritdoc />
    (string Peer, bool Inbound)? IAdmissionHost.CloseRandomPeer(bool inboundOnly)
    {
        Peer? victim;
        lock (_lock)
        {
            var wantInbound = _inbound > 0;
            if (inboundOnly && !wantInbound)
            {
                return null;
            }

            var candidates = _peers.Values.Where(p => !p.Connection.IsClosing && (p.Connection.Direction == PeerDirection.In) == wantInbound).ToList();
            victim = candidates.Count == 0 ? null : candidates[Random.Shared.Next(candidates.Count)];
        }

        if (victim is null)
        {
            return null;
        }

        victim.Connection.Close(TooManyConnections);
        return (victim.Connection.NodeId.ToString(), victim.Connection.Direction == PeerDirection.In);
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

    /// <summary>Adds an initialised connection; returns the connection that is kept for that node id.</summary>
    private PeerConnection Register(PeerConnection connection)
    {
        PeerConnection? loser = null;
        Peer peer = null!;
        ConnectAttempt? attempt = null;
        var refused = false;
        var verdict = CrossedConnectionVerdict.Replace;
        lock (_lock)
        {
            // A new inbound node past the cap (checked at accept too; peers may have completed meanwhile).
            if (connection.Direction == PeerDirection.In && !_peers.ContainsKey(connection.NodeId) && _inbound >= _limits.MaxInboundPeers)
            {
                refused = true;
            }
            else
            {
                _attempts.TryGetValue(connection.NodeId, out attempt);
                if (_peers.TryGetValue(connection.NodeId, out var existing) && !existing.Connection.IsClosing)
                {
                    verdict = CrossedConnectionRule.Resolve(Facts(existing.Connection), Facts(connection), _time.GetUtcNow(), _options.CrossedConnectWindow, _local.Id, connection.NodeId);
                    loser = verdict == CrossedConnectionVerdict.Replace ? existing.Connection : connection;
                }

                if (loser == connection)
                {
                    peer = _peers[connection.NodeId];
                }
                else
                {
                    peer = new Peer(connection, new PingState(_time.GetTimestamp(), _options.PingIdle, _options.PongTimeout, _time));
                    if (_peers.TryGetValue(connection.NodeId, out var replaced))
                    {
                        CountPeer(replaced.Connection.Direction, -1);
                    }

                    _peers[connection.NodeId] = peer;
                    CountPeer(connection.Direction, +1);
                }
            }
        }

        if (refused)
        {
            Log.Shed(_logger, connection.RemoteEndpoint.ToString(), "too many inbound peers");
            connection.Close("too many inbound peers");
            connection.DisposeAsync().AsTask().Observe(e => Log.ConnectionFault(_logger, e, connection.RemoteEndpoint.ToString()));
            return connection;
        }

        if (loser is not null)
        {
            loser.Close(CrossedConnectionRule.Reason(verdict));
        }

        if (loser == connection)
        {
            Log.PeerDisconnected(_logger, connection.NodeId, connection.CloseReason ?? string.Empty);
            connection.DisposeAsync().AsTask().Observe(e => Log.ConnectionFault(_logger, e, connection.RemoteEndpoint.ToString()));
        }
        else
        {
            Log.PeerConnected(_logger, connection.NodeId, connection.Direction == PeerDirection.In ? "in" : "out", connection.RemoteEndpoint);
        }

        // An inbound connection from a node we are dialling "crossed over" (Core Lightning's words). If the tie-break
        // prefers inbound here, it completes the attempt and the dial in flight is abandoned; if it prefers our own
        // dial, the dial goes on, because the other end is keeping that one (abandoning it would leave the two ends
        // holding different connections, or none) and it completes the attempt when it lands.
        if (attempt is not null)
        {
            if (connection.Direction == PeerDirection.Out || !OurDialWins(connection.NodeId))
            {
                if (attempt.Complete(ConnectOutcome.Success(peer.Connection)) && connection.Direction == PeerDirection.In)
                {
                    attempt.Cancellation.Cancel();
                }
            }
        }

        // The callers were answered first (they resume synchronously, above); the subscribers (the address book's
        // write, gossip's first query) and the loops come after, off the reply's path. What the subscribers queue is
        // written as the write loop starts, here, rather than by a pool thread woken for it. A disconnect that
        // arrives meanwhile just finds the loops' first waits cancelled.
        if (loser != connection)
        {
            // The handler holds its peer: no lookup (and no lock) per message.
            var kept = peer;
            NotifyConnected(connection);
            var address = connection.RemoteEndpoint.ToString();
            connection.Start(
                (c, message) => PeerSession.Handle(kept, message, _time, _logger, MessageReceived),
                ReadGate,
                kept.Ping,
                (e, _) => Log.ConnectionFault(_logger, e, address));
            WatchAsync(peer).Observe(e => Log.ConnectionFault(_logger, e, connection.RemoteEndpoint.ToString()));
        }

        return peer.Connection;
    }

    private static ConnectionFacts Facts(PeerConnection connection) => new(connection.Direction, connection.ConnectedAt, connection.StartedAt);

    /// <summary>True when, between two crossed connections with <paramref name="peer"/>, the one we opened is kept.</summary>
    private bool OurDialWins(NodeId peer) => CrossedConnectionRule.OurDialWins(_local.Id, peer);

    /// <summary>
    /// Tells the <see cref="PeerConnected"/> subscribers, each in its own try: one that throws (a bug, logged) neither
    /// stops the others nor keeps the connection's loops from starting right after.
    /// </summary>
    private void NotifyConnected(PeerConnection connection)
    {
        if (PeerConnected is not { } subscribers)
        {
            return;
        }

        foreach (var subscriber in subscribers.GetInvocationList())
        {
            try
            {
                ((Action<PeerConnection>)subscriber)(connection);
            }
            catch (Exception e)
            {
                Log.ConnectionFault(_logger, e, connection.RemoteEndpoint.ToString());
            }
        }
    }

    private async Task WatchAsync(Peer peer)
    {
        var reason = await peer.Connection.Closed.ConfigureAwait(false);
        Remove(peer);
        Log.PeerDisconnected(_logger, peer.Connection.NodeId, reason);
        await peer.Connection.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Removes <paramref name="peer"/> if it is still the one held for its node id.</summary>
    private void Remove(Peer peer)
    {
        lock (_lock)
        {
            if (_peers.TryGetValue(peer.Connection.NodeId, out var current) && current == peer)
            {
                _peers.Remove(peer.Connection.NodeId);
                CountPeer(peer.Connection.Direction, -1);
            }
        }
    }

    private void OnPingTick()
    {
        Peer[] peers;
        lock (_lock)
        {
            peers = [.. _peers.Values];
        }

        foreach (var peer in peers)
        {
            // The connection asks its PingState: a ping on an idle line, a hang-up when the last one went unanswered.
            if (peer.Connection.CheckLiveness() == LivenessAction.SendPing)
            {
                Log.PingSent(_logger, peer.Connection.NodeId.ToString());
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _pingTimer.DisposeAsync().ConfigureAwait(false);
        PeerConnection[] connections;
        lock (_lock)
        {
            connections = [.. _peers.Values.Select(p => p.Connection)];
        }

        foreach (var connection in connections)
        {
            connection.Close("shutting down");
        }

        // Each peer's watcher removes it, logs its departure and disposes it: wait for all of that.
        await Task.WhenAll(connections.Select(c => c.Disposed)).ConfigureAwait(false);
        _admission.Dispose();
        _stopping.Dispose();
    }
}

/// <summary>A connected peer: its connection and liveness state.</summary>
internal sealed record Peer(PeerConnection Connection, PingState Ping);
