using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Peerd.Peering;
using Peerd.Peering.Accepting;
using Peerd.Peering.Admission;
using Peerd.Peering.Metrics;
using Peerd.Xrpl.Crawl;
using Peerd.Xrpl.Hosting;
using Peerd.Xrpl.Protocol.Handshake;
using Peerd.Xrpl.Protocol.Identity;
using Peerd.Xrpl.Tls;

namespace Peerd.Xrpl.Overlay;

/// <summary>
/// The node's XRPL overlay: the peer port, outbound dials, the registry of connected peers with their in/out slot
/// limits, the ping timer, the endpoint cache and the connection-attempt history. All peer state changes go through
/// here; each peer runs its own read and write loop. Accepted connections pass the shared admission first
/// (<see cref="ConnectionAdmission"/>: rate per address, pending-handshake table, descriptor budget and shedding, the
/// same rules as the Lightning port), so no socket starts a TLS handshake unless it was admitted.
/// </summary>
public sealed class XrplOverlay : IAsyncDisposable, IAdmissionHost
{
    private readonly ILogger _log;
    private readonly ConcurrentDictionary<long, XrplPeer> _peers = new();
    private readonly ConcurrentDictionary<Task, byte> _tasks = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _slotLock = new();
    private readonly HashSet<NodePublicKey> _reservedKeys = [];
    private int _inboundReserved;
    private int _outboundReserved;
    private int _dialing;
    private long _nextPeerId;
    private long _disconnects;
    private Socket? _listener;
    private ITimer? _timer;

    internal XrplOverlay(XrplOptions options, NodeIdentity identity, XrplTls tls, TimeProvider time, ILoggerFactory loggers, string softwareName, ulong instanceCookie, AdmissionLimits? admission = null, DescriptorBudget? budget = null)
    {
        Options = options;
        Identity = identity;
        Tls = tls;
        Time = time;
        _log = loggers.CreateLogger("Peerd.Xrpl.Overlay");
        HandshakeSettings = new HandshakeSettings(softwareName, options.NetworkId, instanceCookie);
        Attempts = new ConnectionAttemptLog(time);
        Admission = new ConnectionAdmission(admission ?? XrplTuning.Admission, this, new OverlayAdmissionLog(_log), time, budget, AdmissionMetrics.Xrpl);
    }

    /// <summary>Our identity.</summary>
    public NodeIdentity Identity { get; }

    /// <summary>Where the peer port listens (the real port when 0 was asked); null in stand-alone mode.</summary>
    public IPEndPoint? PeerEndpoint { get; private set; }

    /// <summary>Every connection attempt, in progress and recent.</summary>
    public ConnectionAttemptLog Attempts { get; }

    /// <summary>Addresses learnt from peers.</summary>
    public EndpointCache EndpointCache { get; } = new();

    /// <summary>The connected peers.</summary>
    public IReadOnlyList<XrplPeer> Peers => [.. _peers.Values.OrderBy(p => p.Id)];

    /// <summary>Peers by direction and the peer port's sockets against its budget, for the metrics gauges.</summary>
    internal PeerPortState PortState()
    {
        var (peers, inbound) = ((IAdmissionHost)this).CountPeers();
        return new PeerPortState(inbound, peers - inbound, peers + Admission.Pending.Count, Admission.SocketBudget);
    }

    /// <summary>How many peer sessions have closed since start.</summary>
    public long PeerDisconnects => Interlocked.Read(ref _disconnects);

    internal XrplOptions Options { get; }

    /// <summary>The peer port's admission: pending handshakes, rate per address, descriptor budget.</summary>
    internal ConnectionAdmission Admission { get; }

    internal XrplTls Tls { get; }

    internal TimeProvider Time { get; }

    internal HandshakeSettings HandshakeSettings { get; }

    /// <summary>
    /// Raised on a peer's read loop for each message it received and decoded (after the session's own handling of
    /// pings and endpoints). A subscriber that throws ends only that peer's session ("Internal error"), logged once.
    /// </summary>
    internal event Action<XrplPeer, Google.Protobuf.IMessage>? MessageReceived;

    internal void OnMessage(XrplPeer peer, Google.Protobuf.IMessage message) => MessageReceived?.Invoke(peer, message);

    /// <summary>Where messages the overlay does not handle itself go (the validator tracker); set before <see cref="Start"/>.</summary>
    internal IXrplMessageHandler? MessageHandler { get; set; }

    /// <summary>Answers <c>/vl/…</c> requests on the peer port (status and body), or null for other targets.</summary>
    internal Func<string, (int Status, JsonObject? Body)?>? ValidatorListPage { get; set; }

    /// <summary>The non-admin <c>server_info</c> object for <c>/crawl</c> and <c>/health</c>; set by the node once its admin side exists.</summary>
    internal Func<JsonObject>? ServerInfo { get; set; }

    /// <summary>The connected peers as <c>/crawl</c> lists them, uptimes measured now.</summary>
    internal IReadOnlyList<CrawlPeer> CrawlPeers() => [.. Peers.Select(p => CrawlPeer.From(p, Time))];

    /// <summary>
    /// Starts dialling <paramref name="host"/> (an IP address or a DNS name) in the background and returns the
    /// attempt; its <see cref="ConnectionAttempt.Completion"/> tells how it ended.
    /// </summary>
    public ConnectionAttempt Connect(string host, int port)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        var target = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port.ToString(CultureInfo.InvariantCulture)}" : $"{host}:{port.ToString(CultureInfo.InvariantCulture)}";
        var attempt = Attempts.Start(ConnectionDirection.Outbound, target);
        Track(Task.Run(() => DialAsync(attempt, host, port)));
        return attempt;
    }

    internal void Start()
    {
        if (Options.PeerEndpoint is { } endpoint)
        {
            var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            if (endpoint.AddressFamily == AddressFamily.InterNetworkV6)
            {
                socket.DualMode = true;
            }

            try
            {
                socket.Bind(endpoint);
                socket.Listen(128);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            _listener = socket;
            PeerEndpoint = (IPEndPoint)socket.LocalEndPoint!;
            var listener = socket;
            Track(AcceptLoop.RunAsync(listener, HandleInboundAsync, OnAcceptFailed, e => XrplLog.TaskFault(_log, e, "an inbound connection"), Admission.Limits.AcceptBackoff, Time, _stopping.Token));
        }

        // One-shot and re-armed after each tick (as rippled's per-peer timer): a late tick never runs right behind the
        // previous one, which would call a ping that was just sent unanswered.
        _timer = Time.CreateTimer(_ => Tick(), null, Options.PingInterval, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Queues <paramref name="message"/> to every connected peer.</summary>
    internal void Broadcast(Google.Protobuf.IMessage message)
    {
        foreach (var peer in _peers.Values)
        {
            peer.Send(message);
        }
    }

    /// <summary>Addresses for a 503 redirect: what peers told us, then our outbound peers.</summary>
    internal IEnumerable<string> RedirectAddresses() =>
        EndpointCache.Snapshot(XrplTuning.RedirectAddresses).Select(e => e.Endpoint)
            .Concat(_peers.Values.Where(p => !p.Inbound).Select(p => PeerAddress.Format(p.RemoteEndPoint)))
            .Distinct(StringComparer.Ordinal)
            .Take(XrplTuning.RedirectAddresses);

    /// <summary>Takes an inbound slot for a verified key; null on success, else why not (rippled PeerFinder's "full"/"duplicate").</summary>
    internal string? ReserveInboundSlot(NodePublicKey key)
    {
        lock (_slotLock)
        {
            if (_reservedKeys.Contains(key))
            {
                return "Duplicate peer";
            }

            if (_inboundReserved >= Options.MaxInboundPeers)
            {
                return "Inbound slots full";
            }

            _reservedKeys.Add(key);
            _inboundReserved++;
            return null;
        }
    }

    internal void OnPeerClosed(XrplPeer peer, string reason)
    {
        _peers.TryRemove(peer.Id, out _);
        Interlocked.Increment(ref _disconnects);
        lock (_slotLock)
        {
            if (_reservedKeys.Remove(peer.PublicKey))
            {
                if (peer.Inbound)
                {
                    _inboundReserved--;
                }
                else
                {
                    _outboundReserved--;
                }
            }
        }

        if (peer.Inbound)
        {
            XrplLog.InboundPeerClosed(_log, peer.PublicKey.ToBase58(), PeerAddress.Format(peer.RemoteEndPoint), reason);
        }
        else
        {
            XrplLog.OutboundPeerClosed(_log, peer.PublicKey.ToBase58(), PeerAddress.Format(peer.RemoteEndPoint), reason);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_timer is not null)
        {
            await _timer.DisposeAsync().ConfigureAwait(false);
        }

        _listener?.Dispose();
        foreach (var peer in _peers.Values)
        {
            peer.Close("Stopped");
        }

        try
        {
            await Task.WhenAll(_tasks.Keys).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Stragglers are abandoned; their sockets are closed.
        }

        Admission.Dispose();
        _stopping.Dispose();
    }

    private void Tick()
    {
        foreach (var peer in _peers.Values)
        {
            peer.OnTimer();
        }

        try
        {
            _timer?.Change(Options.PingInterval, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Stopping.
        }
    }

    /// <inheritdoc />
    (int Peers, int Inbound) IAdmissionHost.CountPeers()
    {
        // Handshakes that reserved a slot are counted with the peers: they hold a socket either way.
        var inbound = 0;
        var all = 0;
        foreach (var peer in _peers.Values)
        {
            all++;
            inbound += peer.Inbound ? 1 : 0;
        }

        return (all, inbound);
    }

    /// <inheritdoc />
    (string Peer, bool Inbound)? IAdmissionHost.CloseRandomPeer(bool inboundOnly)
    {
        var peers = _peers.Values.Where(p => !p.Closed.IsCompleted).ToList();
        var wantInbound = peers.Any(p => p.Inbound);
        if (inboundOnly && !wantInbound)
        {
            return null;
        }

        var candidates = peers.Where(p => p.Inbound == wantInbound).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var victim = candidates[Random.Shared.Next(candidates.Count)];
        victim.Close(TooManyConnections);
        return (victim.PublicKey.ToBase58(), victim.Inbound);
    }

    /// <summary>The reason a connection closed to free descriptors is given (Core Lightning's words, which say it).</summary>
    internal const string TooManyConnections = "Terminated due to too many connections";

    /// <summary>Tracks a background task: awaited at dispose, its fault (a bug) logged instead of lost.</summary>
    private void Track(Task task)
    {
        _tasks.TryAdd(task, 0);
        task.ContinueWith(t => _tasks.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        task.Observe(e => XrplLog.TaskFault(_log, e, "a peer task"));
    }

    private void OnAcceptFailed(SocketException e)
    {
        XrplLog.AcceptFailed(_log, e.Message);
        Admission.OnDescriptorFailure(e, e.Message);
    }

    /// <summary>An accepted socket: admitted (or closed at once), then the TLS handshake and upgrade, then the session.</summary>
    private Task HandleInboundAsync(Socket socket)
    {
        IPEndPoint remote;
        try
        {
            var remoteEndPoint = (IPEndPoint)socket.RemoteEndPoint!;
            remote = new IPEndPoint(PeerAddress.Normalize(remoteEndPoint.Address), remoteEndPoint.Port);
        }
        catch (SocketException)
        {
            // Reset before we looked at it.
            socket.Dispose();
            return Task.CompletedTask;
        }

        var pending = Admission.AdmitInbound(remote.Address, PeerAddress.Format(remote), _stopping.Token);
        if (pending is null)
        {
            socket.Dispose();
            return Task.CompletedTask;
        }

        Track(RunInboundAsync(new NetworkStream(socket, ownsSocket: true), remote, pending));
        return Task.CompletedTask;
    }

    /// <summary>
    /// An accepted connection's <paramref name="stream"/> from <paramref name="remote"/> (a socket's, or an in-memory
    /// one): admitted (or closed at once), then the TLS handshake and upgrade, then the session.
    /// </summary>
    internal Task AcceptAsync(Stream stream, IPEndPoint remote)
    {
        var pending = Admission.AdmitInbound(remote.Address, PeerAddress.Format(remote), _stopping.Token);
        if (pending is null)
        {
            stream.Dispose();
            return Task.CompletedTask;
        }

        var session = RunInboundAsync(stream, remote, pending);
        Track(session);
        return session;
    }

    private async Task RunInboundAsync(Stream stream, IPEndPoint remote, PendingConnections.Pending pending)
    {
        XrplPeer? peer;
        ConnectionAttempt attempt;
        PeerConnection connection;
        using (pending)
        {
            attempt = Attempts.Start(ConnectionDirection.Inbound, PeerAddress.Format(remote));
            attempt.SetAddress(remote);
            connection = new PeerConnection(stream, remote);
            try
            {
                peer = await new InboundHandshake(this, attempt, connection, result => Activate(connection, result, inbound: true, attempt))
                    .RunAsync(pending.Token, () => pending.WasShed).ConfigureAwait(false);
            }
            catch
            {
                attempt.Fail("Internal error");
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            if (peer is null)
            {
                var failed = attempt.Snapshot();
                XrplLog.InboundFailed(_log, failed.Id, failed.Target, Stage(failed.Stage), failed.FailureReason ?? string.Empty);
                await connection.DisposeAsync().ConfigureAwait(false);
                return;
            }
        }

        XrplLog.InboundConnected(_log, attempt.Id, PeerAddress.Format(remote), peer.PublicKey.ToBase58(), peer.Protocol.ToString());
        await peer.RunAsync().ConfigureAwait(false);
    }

    private async Task DialAsync(ConnectionAttempt attempt, string host, int port)
    {
        var target = attempt.Snapshot().Target;
        if (!TryStartDial())
        {
            attempt.Fail("Outbound full");
            XrplLog.OutboundFailed(_log, attempt.Id, target, Stage(ConnectionStage.Tcp), "Outbound full");
            return;
        }

        (PeerConnection Connection, PeerHandshakeResult Result)? outcome;
        string? refusal = null;
        try
        {
            using var pending = Admission.BeginOutbound(target, _stopping.Token);
            outcome = await new OutboundHandshake(this, attempt, host, port).RunAsync(pending.Token, () => pending.WasShed).ConfigureAwait(false);
            if (outcome is { } verified)
            {
                refusal = ReserveOutboundSlot(verified.Result.PeerKey);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _dialing);
        }

        if (outcome is not { } done)
        {
            var failed = attempt.Snapshot();
            XrplLog.OutboundFailed(_log, attempt.Id, target, Stage(failed.Stage), failed.FailureReason ?? string.Empty);
            return;
        }

        if (refusal is not null)
        {
            attempt.Fail(refusal);
            XrplLog.OutboundFailed(_log, attempt.Id, target, Stage(ConnectionStage.Verify), refusal);
            await done.Connection.DisposeAsync().ConfigureAwait(false);
            return;
        }

        var peer = Activate(done.Connection, done.Result, inbound: false, attempt);
        XrplLog.OutboundConnected(_log, attempt.Id, target, done.Result.PeerKey.ToBase58(), done.Result.Protocol.ToString());
        await peer.RunAsync().ConfigureAwait(false);
    }

    private bool TryStartDial()
    {
        lock (_slotLock)
        {
            if (_outboundReserved + Volatile.Read(ref _dialing) >= Options.MaxOutboundPeers)
            {
                return false;
            }

            Interlocked.Increment(ref _dialing);
            return true;
        }
    }

    private string? ReserveOutboundSlot(NodePublicKey key)
    {
        lock (_slotLock)
        {
            if (_reservedKeys.Contains(key))
            {
                return "Outbound duplicate";
            }

            if (_outboundReserved >= Options.MaxOutboundPeers)
            {
                return "Outbound full";
            }

            _reservedKeys.Add(key);
            _outboundReserved++;
            return null;
        }
    }

    private XrplPeer Activate(PeerConnection connection, PeerHandshakeResult result, bool inbound, ConnectionAttempt attempt)
    {
        var peer = new XrplPeer(Interlocked.Increment(ref _nextPeerId), connection, inbound, result.PeerKey, result.Protocol, result.Headers, attempt, this, Time, _log);
        _peers[peer.Id] = peer;
        attempt.Succeed(result.PeerKey.ToBase58(), result.Protocol.ToString());
        if (_stopping.IsCancellationRequested)
        {
            peer.Close("Stopped");
        }
        else
        {
            try
            {
                MessageHandler?.OnPeerActivated(peer);
            }
            catch (Exception e)
            {
                // A subscriber's bug ends this session only: closed before its session starts, so its slot and key
                // are released by the session's teardown like any other end.
                XrplLog.TaskFault(_log, e, $"XRPL peer #{peer.Id}'s activation");
                peer.Close("Internal error");
            }
        }

        return peer;
    }

    internal static string Stage(ConnectionStage stage) => stage.ToString().ToLowerInvariant();
}
