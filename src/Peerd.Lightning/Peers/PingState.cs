using Peerd.Peering.Connections;

namespace Peerd.Lightning.Peers;

/// <summary>What the ping policy wants done with a peer at a tick.</summary>
public enum PingAction
{
    /// <summary>Nothing to do.</summary>
    None,

    /// <summary>The line has been idle: send a ping.</summary>
    SendPing,

    /// <summary>The last ping went unanswered: hang up.</summary>
    Disconnect,
}

/// <summary>
/// Liveness of one peer (pure; time comes in as arguments). Core Lightning's rule: ping only a line that has been
/// idle, and hang up when the previous ping is still unanswered; a pong must match the length we asked for. As the
/// connection's <see cref="ILivenessPolicy"/> it makes the ping too.
/// </summary>
public sealed class PingState : ILivenessPolicy
{
    private readonly TimeSpan _idle;
    private readonly TimeSpan _pongTimeout;
    private readonly TimeProvider _time;
    private long _lastReceived;
    private long _pingSent = -1;
    private int _expectedPongLength = -1;

    /// <summary>Starts tracking at <paramref name="now"/>.</summary>
    public PingState(long now)
        : this(now, Tuning.PingIdle, Tuning.PongTimeout, TimeProvider.System)
    {
    }

    /// <summary>Starts tracking at <paramref name="now"/>, pinging after <paramref name="idle"/> and hanging up after <paramref name="pongTimeout"/>.</summary>
    public PingState(long now, TimeSpan idle, TimeSpan pongTimeout, TimeProvider time)
    {
        _lastReceived = now;
        _idle = idle;
        _pongTimeout = pongTimeout;
        _time = time;
    }

    /// <summary>The last measured round trip, if any.</summary>
    public TimeSpan? LastRoundTrip { get; private set; }

    /// <summary>Records traffic from the peer (any message proves it is alive).</summary>
    public void OnReceived(long now) => Volatile.Write(ref _lastReceived, now);

    /// <summary>Records a ping we sent asking for <paramref name="numPongBytes"/>.</summary>
    public void OnPingSent(long now, int numPongBytes)
    {
        lock (this)
        {
            _pingSent = now;
            _expectedPongLength = numPongBytes;
        }
    }

    /// <summary>Records a pong; returns false when it answers no outstanding ping (a protocol violation we tolerate).</summary>
    public bool OnPong(long now, int length, TimeProvider time)
    {
        lock (this)
        {
            if (_pingSent < 0 || length != _expectedPongLength)
            {
                return false;
            }

            LastRoundTrip = time.GetElapsedTime(_pingSent, now);
            _pingSent = -1;
            _expectedPongLength = -1;
            return true;
        }
    }

    /// <summary>Decides what to do at a tick.</summary>
    public PingAction Tick(long now, TimeSpan idle, TimeSpan pongTimeout, TimeProvider time)
    {
        lock (this)
        {
            if (_pingSent >= 0)
            {
                return time.GetElapsedTime(_pingSent, now) >= pongTimeout ? PingAction.Disconnect : PingAction.None;
            }

            return time.GetElapsedTime(Volatile.Read(ref _lastReceived), now) >= idle ? PingAction.SendPing : PingAction.None;
        }
    }

    /// <inheritdoc />
    LivenessAction ILivenessPolicy.Tick(long timestamp, out byte[]? ping)
    {
        ping = null;
        switch (Tick(timestamp, _idle, _pongTimeout, _time))
        {
            case PingAction.SendPing:
                OnPingSent(timestamp, PeerSession.PingPongBytes);
                ping = PeerSession.NewPing();
                return LivenessAction.SendPing;
            case PingAction.Disconnect:
                return LivenessAction.Disconnect;
            default:
                return LivenessAction.None;
        }
    }
}
