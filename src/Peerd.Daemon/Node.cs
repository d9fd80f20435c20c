using System.Net.Sockets;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Peerd.Daemon.Configuration;
using Peerd.Daemon.Logging;
using Peerd.Daemon.Metrics;
using Peerd.Daemon.Signals;
using Peerd.Lightning;
using Peerd.Lightning.Chain;
using Peerd.Lightning.Gossip;
using Peerd.Lightning.Metrics;
using Peerd.Lightning.Node;
using Peerd.Lightning.Peers;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Rpc;
using Peerd.Lightning.Rpc.Methods;
using Peerd.Lightning.Transport;
using Peerd.Peering.Admission;
using Peerd.Peering.Metrics;
using Peerd.ClnRpc.Dispatch;
using Peerd.ClnRpc.Hosting;
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
    private FileLoggerProvider? _logFile;
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
        var peerLog = new PeerLogBook(TimeProvider.System);
        ILoggerFactory loggerFactory;
        try
        {
            loggerFactory = node._loggerFactory = CreateLoggerFactory(options, peerLog, out node._logFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing to log to yet: the log file itself is what failed.
            await Console.Error.WriteLineAsync($"peerd: log-file {options.LogFile}: {e.Message}").ConfigureAwait(false);
            return null;
        }

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
            // One descriptor limit for the process, so one budget of peer sockets for both peer ports.
            var budget = DescriptorBudget.ForProcess();
            DaemonLog.PeerSocketBudget(logger, budget.Sockets, budget.DescriptorLimit, budget.OpenAtStart, budget.Reserve);
            var peers = new PeerManager(local, dialer, TimeProvider.System, loggerFactory.CreateLogger("lightning"), liveness, budget: budget);
            node._owned.Add(peers);
            node._disposables.Add(PeerdMetrics.TrackPeerPort(LightningMetrics.Network, () => new PeerPortState(
                peers.InboundPeers, peers.OutboundPeers, peers.ConnectedCount + peers.PendingHandshakes, peers.SocketBudget)));
            BitcoindChainSource? chain = null;
            if (options.Bitcoind is { } bitcoind)
            {
                chain = new BitcoindChainSource(new BitcoindRpc(bitcoind));
                node._disposables.Add(chain);
                DaemonLog.CheckingFundingOutputs(logger, chain.Endpoint);
            }

            var gossip = GossipNode.Start(options.NetworkDir, options.Network, book, TimeProvider.System, loggerFactory.CreateLogger("gossip"), chain: chain);
            node._owned.Insert(node._owned.IndexOf(peers), gossip); // stopped after the peers that feed it
            node._disposables.Add(LightningMetrics.TrackGossipSync(gossip.SyncProgress));
            GossipWiring.Attach(peers, gossip, book);

            // Before anything listens: the first connects a peer or a user makes find the path compiled.
            await ConnectPathWarmUp.RunAsync(options.Network, options.NetworkDir, logger).ConfigureAwait(false);

            // After the warm-up (its loopback connects are not the node's) and before anything listens: nothing is
            // recorded while no exporter listens.
            if (options.MetricsEndpoint is { } metricsEndpoint)
            {
                var metrics = await MetricsServer.StartAsync(metricsEndpoint, Version, loggerFactory, stop.Token).ConfigureAwait(false);
                node._owned.Add(metrics);
                DaemonLog.ServingMetrics(logger, metrics.Endpoint.ToString());
            }

            var listeners = new List<Listener>();
            foreach (var endpoint in ListenEndpoints(options))
            {
                var listener = Listener.Start(endpoint, peers.AcceptAsync, loggerFactory.CreateLogger("lightning"), peers.OnAcceptFailed);
                listeners.Add(listener);
                node._owned.Add(listener);
                DaemonLog.Listening(logger, listener.Bound.ToString());
            }

            var info = new NodeInfo(local, options.Alias, options.Color, options.LightningDir, Version, listeners.Select(l => l.Bound).ToList(), options.AnnounceAddresses);
            var dispatcher = new RpcDispatcher((method, e) => DaemonLog.RpcMethodFailed(logger, e, method));
            LightningRpc.Register(dispatcher, peers, info, () => stop.Cancel(), book, new ConnectOptions(options.AlwaysUseProxy, SeedsFor(options)), peerLog, gossip.Graph, gossip.SyncProgress);
            var rpc = new UnixSocketRpcServer(options.RpcFile, dispatcher, new UnixSocketRpcServerOptions
            {
                OnConnectionError = e => DaemonLog.RpcConnectionFailed(logger, e),
            });
            rpc.Start();
            node._owned.Add(rpc);

            if (xrplOptions.Enabled)
            {
                var xrpl = await XrplNode.StartAsync(xrplOptions, Path.Combine(options.LightningDir, "xrpl"), loggerFactory, TimeProvider.System, stop.Token, budget: budget).ConfigureAwait(false);
                xrpl.StopRequested += (_, _) => stop.Cancel();
                node._owned.Insert(0, xrpl);
            }

            DaemonLog.Started(logger, local.Id.ToString(), options.Alias, options.Network.Name);
            return node;
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or IOException or SocketException or FormatException or UnauthorizedAccessException or DllNotFoundException)
        {
            DaemonLog.CannotStart(logger, e.Message);
            await Console.Error.WriteLineAsync($"peerd: {e.Message}").ConfigureAwait(false);
            await node.DisposeAsync().ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>BOLT 10 seeds for connect-by-id, unless DNS is off or every lookup must go through the proxy.</summary>
    private static Func<NodeId, CancellationToken, Task<IReadOnlyList<PeerEndpoint>>>? SeedsFor(DaemonOptions options)
    {
        var names = options.DnsSeeds.Count > 0 ? options.DnsSeeds.Where(s => s != "none").ToList() : DnsSeeds.Defaults(options.Network);
        if (options.DisableDns || options.AlwaysUseProxy || names.Count == 0)
        {
            return null;
        }

        var resolver = DnsSeeds.SystemResolver();
        if (options.DnsSeedResolver is { } text && !System.Net.IPEndPoint.TryParse(text, out resolver))
        {
            throw new FormatException($"dns-seed-resolver: '{text}' is not ip:port");
        }

        return new DnsSeeds(names, resolver!, options.Network.DefaultPort).LookupAsync;
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

    /// <summary>
    /// Console (and <c>--log-file</c>) loggers behind the throttle of remote-triggered events. Neither blocks the
    /// caller: the console's queue drops lines when full (its default would wait), the file's is <see cref="FileLoggerProvider"/>'s.
    /// </summary>
    private static ILoggerFactory CreateLoggerFactory(DaemonOptions options, PeerLogBook peerLog, out FileLoggerProvider? logFile)
    {
        var file = logFile = options.LogFile is null ? null : new FileLoggerProvider(options.LogFile, options.LogLevel);
        return new ThrottlingLoggerFactory(LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(options.LogLevel);
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.QueueFullMode = ConsoleLoggerQueueFullMode.DropWrite);

            // listpeers' log: the Lightning node's per-peer events at Debug and above, whatever --log-level prints.
            builder.AddProvider(peerLog);
            builder.AddFilter<PeerLogBook>(PeerLogBook.Category, LogLevel.Debug);
            if (options.JsonLogs)
            {
                builder.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ");
            }
            else if (JournalStream.IsStandardOutput())
            {
                // Under systemd the journal stamps each line itself and reads a "<N>" syslog priority prefix: no
                // timestamp, no colours, one line per entry (docs/man/peerd.8, LOGGING).
                builder.AddSystemdConsole(o => o.IncludeScopes = false);
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

            if (file is not null)
            {
                builder.AddProvider(file);
            }
        }), LogEventRanges.RemoteTriggeredIds(), TimeProvider.System);
    }

    /// <summary>
    /// <c>SIGHUP</c>: reopens <c>--log-file</c> (after logrotate moved it), as Core Lightning does; the old file's last
    /// line and the new file's first say so. Without a log file only those two lines are logged.
    /// </summary>
    public void ReopenLogFile()
    {
        if (_logger is null)
        {
            return;
        }

        SignalsLog.EndingLog(_logger);
        if (_logFile is not null)
        {
            try
            {
                _logFile.Reopen();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                SignalsLog.ReopenFailed(_logger, _logFile.FilePath ?? string.Empty, e.Message);
            }
        }

        SignalsLog.StartedLog(_logger);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_owned.Count > 0)
        {
            if (_logger is not null)
            {
                DaemonLog.ShuttingDown(_logger);
            }
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

        // The logger factory does not own providers it was given: the file's queue is drained here, before exit.
        _logFile?.Dispose();
    }
}
