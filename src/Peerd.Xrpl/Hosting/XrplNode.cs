using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Peerd.Xrpl.Admin;
using Peerd.Xrpl.Admin.Methods;
using Peerd.Xrpl.Identity;
using Peerd.Peering.Admission;
using Peerd.Peering.Metrics;
using Peerd.Xrpl.Metrics;
using Peerd.Xrpl.Overlay;
using Peerd.Xrpl.Protocol.Handshake;
using Peerd.Xrpl.Protocol.Identity;
using Peerd.Xrpl.Tls;
using Peerd.Xrpl.Validators;

namespace Peerd.Xrpl.Hosting;

/// <summary>
/// A running XRPL node: the node identity, the peer port and overlay, and the rippled-dialect admin API. The daemon
/// starts it with <see cref="StartAsync"/>, listens to <see cref="StopRequested"/> (the admin <c>stop</c> method) and
/// disposes it on shutdown.
/// </summary>
public sealed class XrplNode : IAsyncDisposable
{
    private readonly XrplOverlay _overlay;
    private readonly ValidatorSites _sites;
    private readonly AdminServer _admin;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stopRequested = new();
    private readonly IDisposable _gauges;
    private int _disposed;

    private XrplNode(XrplOverlay overlay, AdminServer admin, ValidatorSites sites, ILogger log)
    {
        _sites = sites;
        _overlay = overlay;
        _admin = admin;
        _log = log;
        _gauges = PeerdMetrics.TrackPeerPort(XrplMetrics.Network, overlay.PortState);
    }

    /// <summary>Raised once when an admin calls <c>stop</c>, after the reply was sent; the argument says who asked.</summary>
    public event EventHandler<string>? StopRequested;

    /// <summary>Our version as <c>server_info</c> reports it (<c>build_version</c>).</summary>
    public static string Version { get; } = ReadVersion();

    /// <summary>What we call ourselves in <c>User-Agent</c>/<c>Server</c>: <c>peerd-&lt;version&gt;</c>.</summary>
    public static string SoftwareName { get; } = $"peerd-{Version}";

    /// <summary>Cancelled when <c>stop</c> was requested (for callers that subscribe late).</summary>
    public CancellationToken StopRequestedToken => _stopRequested.Token;

    /// <summary>The node public key (<c>n…</c>).</summary>
    public NodePublicKey PublicKey => _overlay.Identity.PublicKey;

    /// <summary>The bound peer port; null in stand-alone mode.</summary>
    public IPEndPoint? PeerEndpoint => _overlay.PeerEndpoint;

    /// <summary>The bound admin port.</summary>
    public IPEndPoint AdminEndpoint => _admin.Endpoint;

    /// <summary>The overlay: peers, connection attempts, endpoint cache.</summary>
    public XrplOverlay Overlay => _overlay;

    /// <summary>The validator tracker: trust anchors, lists, manifests, the validated ledger.</summary>
    public ValidatorTracker Tracker => (ValidatorTracker)_overlay.MessageHandler!;

    /// <summary>
    /// Starts XRPL: checks that both TLS Finished messages can be read on this runtime, loads or creates the node key
    /// (<c>xrpl-node-seed</c> in <paramref name="dataDir"/>, mode 0600) unless one is configured, opens the peer port
    /// (unless stand-alone) and the admin port.
    /// </summary>
    /// <exception cref="NotSupportedException">The TLS self-check failed (the peer handshake cannot work here).</exception>
    /// <param name="options">The XRPL options.</param>
    /// <param name="dataDir">Where the node seed lives.</param>
    /// <param name="loggerFactory">Where the node logs.</param>
    /// <param name="timeProvider">The node's clock.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <param name="admission">The peer port's admission limits (default <see cref="XrplTuning.Admission"/>; tests shrink them).</param>
    /// <param name="budget">The process's descriptor budget, shared with the Lightning port; null: one of its own.</param>
    public static async Task<XrplNode> StartAsync(XrplOptions options, string dataDir, ILoggerFactory loggerFactory, TimeProvider timeProvider, CancellationToken cancellationToken, AdmissionLimits? admission = null, DescriptorBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (!options.Enabled)
        {
            throw new ArgumentException("XRPL is not enabled in these options", nameof(options));
        }

        var log = loggerFactory.CreateLogger("Peerd.Xrpl");
        if (!options.Standalone)
        {
            await TlsSelfCheck.EnsureAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var identity = NodeKeyStore.LoadOrCreate(dataDir, options.NodeSeed, out var source, out var seedPath);
        XrplLog.NodeKey(log, source.ToString().ToLowerInvariant(), source == NodeKeyStore.Source.Configured ? "xrpl-node-seed option" : seedPath);
        if (source != NodeKeyStore.Source.Configured && NodeKeyStore.IsTooOpen(seedPath))
        {
            XrplLog.SeedFileTooOpen(log, seedPath);
        }

        var tls = new XrplTls();
        var cookie = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(sizeof(ulong)));
        var overlay = new XrplOverlay(options, identity, tls, timeProvider, loggerFactory, SoftwareName, cookie, admission, budget);
        var anchors = options.TrustAnchors;
        ValidatorLog.Anchors(log, anchors.PublisherKeys.Count, anchors.StaticValidators.Count, anchors.Threshold, anchors.IsEmpty ? ": no ledger will be reported validated" : string.Empty);
        var tracker = new ValidatorTracker(anchors, Path.Combine(dataDir, "xrpl-validator-lists"), timeProvider, loggerFactory.CreateLogger("Peerd.Xrpl.Validators"));
        tracker.LoadCache();
        overlay.MessageHandler = tracker;
        overlay.ValidatorListPage = target => ValidatorListPage.Answer(target, tracker.Publishers());

        // Every newly validated ledger is reported to every peer; before the first, nothing is sent.
        tracker.LedgerValidated += ledger => overlay.Broadcast(ValidatorTracker.StatusChange(ledger, timeProvider.GetUtcNow()));
        X509Certificate2Collection? roots = null;
        if (options.SslVerifyFile is { } pem)
        {
            roots = [];
            roots.ImportFromPemFile(pem);
        }

        var sites = new ValidatorSites(anchors.Sites, tracker, roots, timeProvider, loggerFactory.CreateLogger("Peerd.Xrpl.Validators"));
        var hub = new Admin.Streams.StreamHub();
        tracker.ValidationReceived += (validation, master) => hub.Publish("validations", () => Admin.Streams.StreamMessages.Validation(validation, master, options.NetworkId));
        tracker.ManifestAccepted += manifest => hub.Publish("manifests", () => Admin.Streams.StreamMessages.Manifest(manifest));
        tracker.PeerStatusReceived += (_, status) => hub.Publish("peer_status", () => Admin.Streams.StreamMessages.PeerStatus(status, timeProvider.GetUtcNow()));
        XrplNode? node = null;
        try
        {
            var context = new AdminContext(options, overlay, timeProvider, Version, reason => node?.RequestStop(reason)) { Tracker = tracker };
            overlay.ServerInfo = () => ServerInfoJson.Build(context, admin: false);
            overlay.Start();
            var dispatcher = new RpcDispatcher(
                [
                    new ConnectMethod(context), new PeersMethod(context), new PingMethod(), new ServerInfoMethod(context), new StopMethod(context), new ConnectionsMethod(context),
                    new SubscribeMethod(subscribe: true), new SubscribeMethod(subscribe: false), new ValidatorsMethod(context), new ManifestMethod(context),
                    new ValidatorListSitesMethod(() => sites.Views),
                ],
                log);
            var access = new AdminAccess(options.AdminAllow, options.AdminUser, options.AdminPassword);
            var serverName = $"ripple-json-rpc/{SoftwareName}";
            var admin = await AdminServer.StartAsync(
                options.AdminEndpoint,
                new JsonRpcEndpoint(dispatcher, access, serverName, log),
                new WebSocketEndpoint(dispatcher, access, log, hub),
                serverName,
                loggerFactory,
                cancellationToken).ConfigureAwait(false);
            context.AdminEndpoint = admin.Endpoint;
            node = new XrplNode(overlay, admin, sites, log);
            sites.Start();
        }
        catch
        {
            await sites.DisposeAsync().ConfigureAwait(false);
            await overlay.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        if (!IPAddress.IsLoopback(options.AdminEndpoint.Address))
        {
            XrplLog.AdminNotLoopback(log, node.AdminEndpoint.ToString());
        }

        XrplLog.NodeStarted(
            log,
            node.PublicKey.ToBase58(),
            node.PeerEndpoint is { } peer ? PeerAddress.Format(peer) : "none (stand-alone)",
            node.AdminEndpoint.ToString(),
            options.NetworkId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not set");
        return node;
    }

    /// <summary>Stops the admin port, closes every peer and the peer port.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _gauges.Dispose();
        await _admin.DisposeAsync().ConfigureAwait(false);
        await _sites.DisposeAsync().ConfigureAwait(false);
        await _overlay.DisposeAsync().ConfigureAwait(false);
    }

    private void RequestStop(string reason)
    {
        if (Volatile.Read(ref _disposed) != 0 || _stopRequested.IsCancellationRequested)
        {
            return;
        }

        XrplLog.Stopping(_log, reason);
        _stopRequested.Cancel();
        StopRequested?.Invoke(this, reason);
    }

    private static string ReadVersion()
    {
        var informational = typeof(XrplNode).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var version = informational ?? typeof(XrplNode).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
