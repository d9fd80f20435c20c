using Peerd.Peering.Connections;

namespace Peerd.Peering.Tests.Support;

/// <summary>A liveness rule in its plainest form: ping a line idle for <c>idle</c>, give up after <c>timeout</c> unanswered.</summary>
internal sealed class IdlePingPolicy(TimeSpan idle, TimeSpan timeout, TimeProvider time) : ILivenessPolicy
{
    public static readonly byte[] Ping = [0x50];

    private long _lastReceived = time.GetTimestamp();
    private long _pingSent = -1;

    public void OnReceived(long timestamp)
    {
        _lastReceived = timestamp;
        _pingSent = -1;
    }

    public LivenessAction Tick(long timestamp, out byte[]? ping)
    {
        ping = null;
        if (_pingSent >= 0)
        {
            return time.GetElapsedTime(_pingSent, timestamp) >= timeout ? LivenessAction.Disconnect : LivenessAction.None;
        }

        if (time.GetElapsedTime(_lastReceived, timestamp) < idle)
        {
            return LivenessAction.None;
        }

        _pingSent = timestamp;
        ping = Ping;
        return LivenessAction.SendPing;
    }
}
