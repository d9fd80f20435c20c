using System.Net;
using Peerd.Xrpl.Metrics;

namespace Peerd.Xrpl.Overlay;

/// <summary>Which side dialled.</summary>
public enum ConnectionDirection
{
    /// <summary>We dialled (an admin <c>connect</c>).</summary>
    Outbound,

    /// <summary>The peer dialled our peer port.</summary>
    Inbound,
}

/// <summary>How far a connection got. The names are the ones <c>connections</c> prints.</summary>
public enum ConnectionStage
{
    /// <summary>Resolving the name and opening the TCP connection (or accepting it).</summary>
    Tcp,

    /// <summary>The TLS handshake.</summary>
    Tls,

    /// <summary>The HTTP upgrade exchange.</summary>
    Upgrade,

    /// <summary>Checking the peer's identity, network, clock and our slots.</summary>
    Verify,

    /// <summary>A live peer session.</summary>
    Connected,
}

/// <summary>Where an attempt ended up.</summary>
public enum ConnectionOutcome
{
    /// <summary>Still going.</summary>
    InProgress,

    /// <summary>The handshake succeeded; the session may since have closed (see <see cref="ConnectionAttemptSnapshot.ClosedAt"/>).</summary>
    Connected,

    /// <summary>The attempt failed at <see cref="ConnectionAttemptSnapshot.Stage"/>.</summary>
    Failed,
}

/// <summary>A consistent copy of an attempt's state.</summary>
/// <param name="Id">Attempt number, unique per node.</param>
/// <param name="Direction">Who dialled.</param>
/// <param name="Target">What was dialled (as given, with port) or, inbound, the remote <c>ip:port</c>.</param>
/// <param name="Address">The <c>ip:port</c> actually connected to, once known.</param>
/// <param name="Stage">The stage reached.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="FailureReason">Why it failed.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="CompletedAt">When it connected or failed.</param>
/// <param name="PeerPublicKey">The verified peer key, <c>n…</c>.</param>
/// <param name="Protocol">The negotiated protocol, <c>XRPL/2.2</c>.</param>
/// <param name="ClosedAt">When the session that followed a success closed.</param>
/// <param name="CloseReason">Why it closed.</param>
public sealed record ConnectionAttemptSnapshot(
    long Id,
    ConnectionDirection Direction,
    string Target,
    string? Address,
    ConnectionStage Stage,
    ConnectionOutcome Outcome,
    string? FailureReason,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CompletedAt,
    string? PeerPublicKey,
    string? Protocol,
    DateTimeOffset? ClosedAt,
    string? CloseReason);

/// <summary>
/// One connection attempt, inbound or outbound, as it moves through its stages; thread-safe. rippled logs these only
/// at DEBUG; we keep them so an operator (and <c>connect</c> with <c>"wait": true</c>) can see what happened.
/// </summary>
public sealed class ConnectionAttempt
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly TaskCompletionSource<ConnectionAttemptSnapshot> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ConnectionAttemptSnapshot _state;

    private readonly Action<ConnectionAttempt>? _finished;
    private readonly long _started;

    internal ConnectionAttempt(long id, ConnectionDirection direction, string target, TimeProvider time, Action<ConnectionAttempt>? finished = null)
    {
        _time = time;
        _finished = finished;
        _started = time.GetTimestamp();
        var now = time.GetUtcNow();
        _state = new ConnectionAttemptSnapshot(id, direction, target, null, ConnectionStage.Tcp, ConnectionOutcome.InProgress, null, now, now, null, null, null, null, null);
    }

    /// <summary>The attempt number.</summary>
    public long Id => _state.Id;

    /// <summary>Completes when the attempt connects or fails.</summary>
    public Task<ConnectionAttemptSnapshot> Completion => _completion.Task;

    /// <summary>The current state.</summary>
    public ConnectionAttemptSnapshot Snapshot()
    {
        lock (_lock)
        {
            return _state;
        }
    }

    /// <summary>Where the log keeps it while it is in progress.</summary>
    internal LinkedListNode<ConnectionAttempt>? LogNode { get; set; }

    internal bool IsInProgress
    {
        get
        {
            lock (_lock)
            {
                return _state.Outcome == ConnectionOutcome.InProgress;
            }
        }
    }

    internal void SetAddress(IPEndPoint address) =>
        Update(s => s with { Address = Protocol.Handshake.PeerAddress.Format(address) });

    internal void Advance(ConnectionStage stage) => Update(s => s.Outcome == ConnectionOutcome.InProgress ? s with { Stage = stage } : s);

    internal void Fail(string reason)
    {
        ConnectionAttemptSnapshot? done = null;
        Update(s =>
        {
            if (s.Outcome != ConnectionOutcome.InProgress)
            {
                return s;
            }

            done = s with { Outcome = ConnectionOutcome.Failed, FailureReason = reason, CompletedAt = _time.GetUtcNow() };
            return done;
        });
        if (done is not null)
        {
            XrplMetrics.AttemptEnded(done, _time.GetElapsedTime(_started));
            _completion.TrySetResult(done);
            _finished?.Invoke(this);
        }
    }

    internal void Succeed(string peerPublicKey, string protocol)
    {
        ConnectionAttemptSnapshot? done = null;
        Update(s =>
        {
            if (s.Outcome != ConnectionOutcome.InProgress)
            {
                return s;
            }

            done = s with { Stage = ConnectionStage.Connected, Outcome = ConnectionOutcome.Connected, PeerPublicKey = peerPublicKey, Protocol = protocol, CompletedAt = _time.GetUtcNow() };
            return done;
        });
        if (done is not null)
        {
            XrplMetrics.AttemptEnded(done, _time.GetElapsedTime(_started));
            _completion.TrySetResult(done);
            _finished?.Invoke(this);
        }
    }

    internal void Close(string reason) =>
        Update(s => s.Outcome == ConnectionOutcome.Connected && s.ClosedAt is null ? s with { ClosedAt = _time.GetUtcNow(), CloseReason = reason } : s);

    private void Update(Func<ConnectionAttemptSnapshot, ConnectionAttemptSnapshot> change)
    {
        lock (_lock)
        {
            var next = change(_state);
            if (!ReferenceEquals(next, _state))
            {
                _state = next with { UpdatedAt = _time.GetUtcNow() };
            }
        }
    }
}
