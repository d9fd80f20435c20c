using System.Net;
using Peerd.Lightning.Peers;
using Peerd.Lightning.Transport;
using Peerd.TestKit;

namespace Peerd.Lightning.Tests.Peers;

/// <summary>
/// Peer managers joined by in-memory streams instead of sockets: a dial to a "listening" manager's port hands one end
/// of an <see cref="InMemoryDuplex"/> to that manager's accept path and returns the other.
/// </summary>
internal sealed class InMemoryNetwork : IPeerDialer
{
    private readonly Dictionary<int, PeerManager> _listeners = [];
    private int _nextPort = 40000;

    /// <summary>Makes <paramref name="manager"/> reachable; returns its address.</summary>
    public PeerEndpoint Listen(PeerManager manager)
    {
        lock (_listeners)
        {
            var port = _nextPort++;
            _listeners[port] = manager;
            return PeerEndpoint.FromIp(IPAddress.Loopback, port);
        }
    }

    public Task<DialResult> DialAsync(PeerEndpoint endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        PeerManager target;
        PeerEndpoint from;
        lock (_listeners)
        {
            if (!_listeners.TryGetValue(endpoint.Port, out target!))
            {
                throw new ConnectFailedException(ConnectStage.Establishment, "Connection refused");
            }

            from = PeerEndpoint.FromIp(IPAddress.Loopback, _nextPort++);
        }

        var duplex = new InMemoryDuplex();
        _ = target.AcceptAsync(duplex.Remote, from);
        return Task.FromResult(new DialResult(duplex.Local, null, null));
    }
}
