using System.Security.Cryptography;
using Peerd.Peering.Connections;
using Peerd.Xrpl.Protocol.Framing;
using Peerd.Xrpl.Protocol.Handshake;
using Peerd.Xrpl.Protocol.Messages;

namespace Peerd.Xrpl.Overlay;

/// <summary>
/// rippled's liveness rule (<c>PeerImp::onTimer</c>), as the connection's <see cref="ILivenessPolicy"/>: at each tick,
/// a peer whose last ping is unanswered is dropped ("Ping Timeout"); otherwise it gets a ping with a fresh random
/// cookie. Only a pong with the right cookie counts, and it feeds the round-trip average (7/8 old + 1/8 new).
/// Traffic alone does not keep a peer alive, as in rippled.
/// </summary>
internal sealed class XrplPingPolicy(TimeProvider time, Func<uint>? cookies = null) : ILivenessPolicy
{
    private readonly Func<uint> _cookies = cookies ?? (() => BitConverter.ToUInt32(RandomNumberGenerator.GetBytes(sizeof(uint))));
    private readonly Lock _lock = new();
    private uint? _pendingCookie;
    private long _sentAt;
    private TimeSpan? _latency;

    /// <summary>The averaged round trip; null before the first matching pong.</summary>
    public TimeSpan? Latency
    {
        get
        {
            lock (_lock)
            {
                return _latency;
            }
        }
    }

    /// <inheritdoc />
    public void OnReceived(long timestamp)
    {
    }

    /// <inheritdoc />
    public LivenessAction Tick(long timestamp, out byte[]? ping)
    {
        ping = null;
        uint cookie;
        lock (_lock)
        {
            // "Already waiting for PONG".
            if (_pendingCookie is not null)
            {
                return LivenessAction.Disconnect;
            }

            cookie = _cookies();
            _pendingCookie = cookie;
            _sentAt = timestamp;
        }

        ping = XrplFrameWriter.Encode(new TMPing { Type = TMPing.Types.pingType.PtPing, Seq = cookie, NetTime = (ulong)NetworkTime.ToNetworkSeconds(time.GetUtcNow()) });
        return LivenessAction.SendPing;
    }

    /// <summary>Records a pong; false when its cookie answers no ping of ours (ignored: such a peer will time out).</summary>
    public bool OnPong(uint cookie, long timestamp)
    {
        lock (_lock)
        {
            // "Only reset the ping sequence if we actually received a PONG with the correct cookie. That way,
            // any peers which respond with incorrect cookies will eventually time out."
            if (_pendingCookie != cookie)
            {
                return false;
            }

            _pendingCookie = null;
            var rtt = time.GetElapsedTime(_sentAt, timestamp);
            _latency = _latency is { } old ? ((old * 7) + rtt) / 8 : rtt;
            return true;
        }
    }
}
