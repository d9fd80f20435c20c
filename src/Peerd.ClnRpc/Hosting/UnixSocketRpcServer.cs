using System.Collections.Concurrent;
using System.Net.Sockets;
using Peerd.ClnRpc.Dispatch;

namespace Peerd.ClnRpc.Hosting;

/// <summary>
/// Serves an <see cref="RpcDispatcher"/> on a Unix stream socket, as Core Lightning's <c>lightning-rpc</c>: requests
/// are raw JSON values back to back, each response is compact JSON followed by <c>"\n\n"</c>.
/// </summary>
/// <remarks>
/// <see cref="Start"/> removes a stale socket file (refusing if another process still listens on it), binds, sets the
/// file mode (0600 by default) before listening, and accepts clients in the background, at most
/// <see cref="UnixSocketRpcServerOptions.MaxClients"/> at a time. Disposing stops accepting, cancels running
/// methods, closes every client and removes the socket file.
/// </remarks>
public sealed class UnixSocketRpcServer : IAsyncDisposable
{
    private readonly RpcDispatcher _dispatcher;
    private readonly UnixSocketRpcServerOptions _options;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<RpcClientConnection, Task> _clients = new();
    private readonly SemaphoreSlim _clientSlots;
    private Socket? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private int _disposed;

    /// <summary>Creates the server; nothing happens until <see cref="Start"/>.</summary>
    public UnixSocketRpcServer(string socketPath, RpcDispatcher dispatcher, UnixSocketRpcServerOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(socketPath);
        ArgumentNullException.ThrowIfNull(dispatcher);
        SocketPath = Path.GetFullPath(socketPath);
        _dispatcher = dispatcher;
        _options = options ?? new UnixSocketRpcServerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxClients, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxInFlightPerClient, 1);
        _clientSlots = new SemaphoreSlim(_options.MaxClients, _options.MaxClients);
    }

    /// <summary>The absolute path of the socket file.</summary>
    public string SocketPath { get; }

    /// <summary>Clients connected right now.</summary>
    public int ClientCount => _clients.Count;

    /// <summary>
    /// Binds and starts listening. Throws <see cref="IOException"/> when another process listens on the path or the
    /// path is something other than a stale socket, and <see cref="SocketException"/> when binding fails.
    /// </summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_listener is not null)
        {
            throw new InvalidOperationException("The server is already started.");
        }

        RemoveStaleSocket(SocketPath);
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(SocketPath));

            // Nobody can connect before listen(), so setting the mode here leaves no window with wider permissions.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(SocketPath, _options.SocketFileMode);
            }

            listener.Listen(RpcLimits.ListenBacklog);
        }
        catch
        {
            listener.Dispose();
            TryDelete(SocketPath);
            throw;
        }

        _listener = listener;
        _acceptLoop = AcceptLoopAsync(listener);
    }

    /// <summary>Stops the server: no new clients, running methods cancelled, clients closed, socket file removed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener?.Dispose();
        await _acceptLoop.ConfigureAwait(false);
        foreach (var client in _clients.Keys)
        {
            client.Abort();
        }

        await Task.WhenAll(_clients.Values).ConfigureAwait(false);
        if (_listener is not null)
        {
            TryDelete(SocketPath);
        }

        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync(Socket listener)
    {
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await _clientSlots.WaitAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                _clientSlots.Release();
                if (stopping.IsCancellationRequested)
                {
                    return;
                }

                _options.OnConnectionError?.Invoke(e);
                continue;
            }

            // The session starts here, on the accepting thread, once it is in the table: SetResult runs it inline up to
            // its first wait (a client's first request usually arrives with its connection, so the call starts here
            // too), then the loop accepts on. A pool hand-off instead cost every new client (one `peerd-cli` call)
            // a thread wake-up.
            var connection = new RpcClientConnection(socket, _dispatcher, _options, stopping);
            var gate = new TaskCompletionSource();
            _clients[connection] = RunClientAsync(connection, gate.Task);
            gate.SetResult();
        }
    }

    private async Task RunClientAsync(RpcClientConnection connection, Task registered)
    {
        // Wait until the connection is in the table, so the removal below never precedes the insertion.
        await registered.ConfigureAwait(false);
        try
        {
            await connection.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            _clients.TryRemove(connection, out _);
            _clientSlots.Release();
        }
    }

    private static void RemoveStaleSocket(string path)
    {
        if (Directory.Exists(path))
        {
            throw new IOException($"Cannot create the RPC socket '{path}': a directory of that name exists.");
        }

        if (!File.Exists(path))
        {
            return;
        }

        using (var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            try
            {
                probe.Connect(new UnixDomainSocketEndPoint(path));
                throw new IOException($"Another process is already listening on the RPC socket '{path}'.");
            }
            catch (SocketException)
            {
                // Nobody listens: a stale socket from a previous run (or not a socket at all, checked below).
            }
        }

        if (new FileInfo(path).Length != 0)
        {
            throw new IOException($"Cannot create the RPC socket '{path}': a file of that name exists.");
        }

        File.Delete(path);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a stale socket file is removed on the next start anyway.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
