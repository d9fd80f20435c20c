using System.Net.Sockets;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Peerd.Daemon.Configuration;
using Peerd.Daemon.Logging;
using Peerd.Lightning;
using Peerd.Lightning.Gossip;
using Peerd.Lightning.Node;
using Peerd.Lightning.Peers;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Rpc;
using Peerd.Lightning.Rpc.Methods;
using Peerd.Lightning.Transport;
using Peerd.Rpc.Dispatch;
using Peerd.Rpc.Hosting;
using Peerd.Xrpl.Hosting;

namespace Peerd.Daemon;

/// <summary>
/// A running node: data directory lock, identity, Lightning listeners and peers, the JSON-RPC socket, and (when
/// enabled) the XRPL node. Disposal stops them in reverse order: RPC first, then listeners, then peers.
/// </summary>
public sealed class Node : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly List<IDisposable> _disposables = [];
    private ILoggerFactory? _loggerFactory;
    private ILogger? _logger;
    private DataDirectory? _directory;

    private Node()
    {
    }

    /// <summary>The version string: <c>peerd-&lt;version&gt;</c>.</summary>
    public static string Version { get; } = "peerd-" + (typeof(Node).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "0.0.0");

    /// <summary>Starts everything; on failure logs why, releases what was started and returns null.</summary>
    public static async Task<Node?> StartAsync(DaemonOptions options, CancellationTokenSource stop)
    {
        var node = new Node();
        var loggerFactory = node._loggerFactory = CreateLoggerFactory(options);
        var logger = node._logger = loggerFactory.CreateLogger("peerd");
        try
        {
            if (!XrplOptions.TryParse(options.XrplOptions, out var xrplOptions, out var xrplError))
            {
                throw new FormatException(xrplError);
            }

            node._directory = DataDirectory.Open(options.LightningDir, options.NetworkDir);
            var key = NodeKeyStore.LoadOrCreate(Path.Combine(options.NetworkDir, NodeKeyStore.FileName));
            var local = new LocalNode(key, options.Network, OurFeatures.Init, options.HandshakeTimeout, options.ConnectTimeout);
            PeerEndpoint? proxy = null;
            if (options.Proxy is not null && !ProxyOptions.TryParseProxy(options.Proxy, out proxy, out var proxyError))
            {
                throw new FormatException(proxyError);
            }

            if (options.AlwaysUseProxy && proxy is null)
            {
                throw new FormatException("always-use-proxy needs --proxy");
            }

            var dialer = new ProxyDialer(new PeerDialer(new DialerOptions(options.DisableDns)), new ProxyOptions(proxy, options.AlwaysUseProxy, options.DisableDns));
            var book = AddressBook.Open(Path.Combine(options.NetworkDir, AddressBook.FileName), TimeProvider.System, loggerFactory.CreateLogger("gossip"));
            node._disposables.Add(book);
            var liveness = new PeerManagerOptions
            {
                PingIdle = options.PingIdle,
                PongTimeout = options.PongTimeout,
                PingTick = TimeSpan.FromTicks(Math.Min(Tuning.PingTick.Ticks, Math.Min(options.PingIdle.Ticks, options.PongTimeout.Ticks) / 4)),
            };
            var peers = new PeerManager(local, dialer, TimeProvider.System, loggerFactory.CreateLogger("lightning"), liveness);
            node._owned.Add(peers);
            var gossip = new GossipResponder(book, local.Id, TimeProvider.System, loggerFactory.CreateLogger("gossip"));
            var sync = new GossipSync(options.Network, TimeProvider.System);
            peers.MessageReceived += (connection, message) => gossip.Handle(connection.NodeId, message, reply => connection.TrySend(reply));
            peers.PeerConnected += connection =>
            {
                if (connection.Direction == PeerDirection.Out)
                {
                    book.RememberConnected(connection.NodeId, connection.RemoteEndpoint);
                }

                sync.OnConnected(connection);
            };

            // Before anything listens: the first connects a peer or a user makes find the path compiled.
            await ConnectPathWarmUp.RunAsync(options.Network, logger).ConfigureAwait(false);

            var listeners = new List<Listener>();
            foreach (var endpoint in ListenEndpoints(options))
            {
                var listener = Listener.Start(endpoint, peers.AcceptAsync, loggerFactory.CreateLogger("lightning"), peers.OnAcceptFailed);
                listeners.Add(listener);
                node._owned.Add(listener);
                logger.LogInformation("Listening on {Address}", listener.Bound.ToString());
            }

            var info = new NodeInfo(local, options.Alias, options.Color, options.LightningDir, Version, listeners.Select(l => l.Bound).ToList(), options.AnnounceAddresses);
            var dispatcher = new RpcDispatcher((method, e) => logger.LogError(e, "RPC method {Method} failed", method));
            LightningRpc.Register(dispatcher, peers, info, () => stop.Cancel(), book, new ConnectOptions(options.AlwaysUseProxy));
            var rpc = new UnixSocketRpcServer(options.RpcFile, dispatcher, new UnixSocketRpcServerOptions
            {
                OnConnectionError = e => logger.LogWarning(e, "RPC connection failed"),
            });
            rpc.Start();
            node._owned.Add(rpc);

            if (xrplOptions.Enabled)
            {
                var xrpl = await XrplNode.StartAsync(xrplOptions, Path.Combine(options.LightningDir, "xrpl"), loggerFactory, TimeProvider.System, stop.Token).ConfigureAwait(false);
                xrpl.StopRequested += (_, _) => stop.Cancel();
                node._owned.Insert(0, xrpl);
            }

            logger.LogInformation("Server started with public key {NodeId}, alias {Alias} (network {Network})", local.Id.ToString(), options.Alias, options.Network.Name);
            return node;
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or IOException or SocketException or FormatException or UnauthorizedAccessException or DllNotFoundException)
        {
            logger.LogCritical("Cannot start: {Reason}", e.Message);
            await Console.Error.WriteLineAsync($"peerd: {e.Message}").ConfigureAwait(false);
            await node.DisposeAsync().ConfigureAwait(false);
            return null;
        }
    }

    private static IEnumerable<PeerEndpoint> ListenEndpoints(DaemonOptions options)
    {
        if (options.BindAddresses.Count == 0)
        {
            return BindAddress.Parse($":{options.Network.DefaultPort}", options.Network.DefaultPort)
                .Where(e => e.Ip!.AddressFamily != AddressFamily.InterNetworkV6 || Socket.OSSupportsIPv6);
        }

        return options.BindAddresses.SelectMany(a => BindAddress.Parse(a, options.Network.DefaultPort));
    }

    private static ILoggerFactory CreateLoggerFactory(DaemonOptions options) => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(options.LogLevel);
        if (options.JsonLogs)
        {
            builder.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ");
        }
        else
        {
            builder.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }

        if (options.LogFile is not null)
        {
            builder.AddProvider(new FileLoggerProvider(options.LogFile, options.LogLevel));
        }
    });

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_owned.Count > 0)
        {
            _logger?.LogInformation("Shutting down");
        }

        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync().ConfigureAwait(false);
        }

        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }

        _directory?.Dispose();
        _loggerFactory?.Dispose();
    }
}
