using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Peerd.Lightning.Logging;
using Peerd.Peering.Accepting;

namespace Peerd.Lightning.Transport;

/// <summary>
/// Accepts sockets on one bind address and hands each to a callback. IPv6 wildcards are bound v6-only (so separate
/// IPv4 and IPv6 wildcard binds coexist, as in Core Lightning); Unix socket paths are replaced if stale.
/// </summary>
public sealed class Listener : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly Func<Socket, Task> _onAccepted;
    private readonly Action<Exception>? _onAcceptFailed;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    private Listener(Socket socket, PeerEndpoint bound, Func<Socket, Task> onAccepted, ILogger logger, Action<Exception>? onAcceptFailed)
    {
        _socket = socket;
        Bound = bound;
        _onAccepted = onAccepted;
        _onAcceptFailed = onAcceptFailed;
        _logger = logger;
    }

    /// <summary>Where it actually listens (the real port when 0 was asked for).</summary>
    public PeerEndpoint Bound { get; }

    /// <summary>Binds and starts accepting.</summary>
    /// <exception cref="SocketException">The address cannot be bound (in use, not local, no permission).</exception>
    /// <param name="endpoint">Where to listen.</param>
    /// <param name="onAccepted">Takes ownership of each accepted socket.</param>
    /// <param name="logger">Where accept failures are logged.</param>
    /// <param name="onAcceptFailed">Told about accept failures (descriptor exhaustion triggers shedding there).</param>
    public static Listener Start(PeerEndpoint endpoint, Func<Socket, Task> onAccepted, ILogger logger, Action<Exception>? onAcceptFailed = null)
    {
        Socket socket;
        if (endpoint.Kind == EndpointKind.LocalSocket)
        {
            if (File.Exists(endpoint.Path))
            {
                File.Delete(endpoint.Path!);
            }

            socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        }
        else
        {
            socket = new Socket(endpoint.Ip!.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            if (endpoint.Ip.AddressFamily == AddressFamily.InterNetworkV6)
            {
                socket.DualMode = false;
            }

            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        }

        try
        {
            socket.Bind(endpoint.ToEndPoint());
            socket.Listen(Tuning.ListenBacklog);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var bound = endpoint.Kind == EndpointKind.LocalSocket ? endpoint : PeerEndpoint.FromEndPoint(socket.LocalEndPoint!);
        var listener = new Listener(socket, bound, onAccepted, logger, onAcceptFailed);
        listener._loop = listener.AcceptLoopAsync();
        return listener;
    }

    private Task AcceptLoopAsync() =>
        AcceptLoop.RunAsync(
            _socket,
            _onAccepted,
            e =>
            {
                // EMFILE and friends: the caller's shedding policy frees descriptors; the loop backs off meanwhile.
                Log.AcceptFailed(_logger, Bound.ToString(), SocketErrors.Describe(e));
                _onAcceptFailed?.Invoke(e);
            },
            e => Log.ConnectionFault(_logger, e, Bound.ToString()),
            Tuning.AcceptBackoff,
            TimeProvider.System,
            _stop.Token);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _loop.ConfigureAwait(false);
        if (Bound.Kind == EndpointKind.LocalSocket)
        {
            File.Delete(Bound.Path!);
        }

        _stop.Dispose();
    }
}
