using System.Net;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Peerd.Crypto;
using Peerd.Lightning;
using Peerd.Lightning.Node;
using Peerd.Lightning.Peers;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Rpc;
using Peerd.Lightning.Transport;
using Peerd.ClnRpc.Dispatch;

namespace Peerd.Benchmarks;

/// <summary>
/// <see cref="RpcDispatcher.HandleAsync"/> on requests captured from <c>peerd-cli</c> (lightning-cli's shape:
/// string id, positional params): <c>getinfo</c>, and <c>connect</c> to a peer that is already connected (Core
/// Lightning's answer then is immediate: no dial), with the real Lightning methods over two in-process nodes joined
/// on loopback. The baseline parses the same bytes into a <see cref="JsonDocument"/> and nothing else.
/// </summary>
[MemoryDiagnoser]
public class RpcDispatchBenchmarks
{
    private static readonly byte[] GetInfoRequest = Encoding.UTF8.GetBytes(
        """{"jsonrpc":"2.0","method":"getinfo","id":"cli:getinfo#24218","params":[]}""");

    private byte[] _connectRequest = null!;
    private RpcDispatcher _dispatcher = null!;
    private PeerManager _peers = null!;
    private PeerManager _remotePeers = null!;
    private Listener _remoteListener = null!;

    /// <summary>Two nodes, B listening on loopback, A connected to it; A's methods registered.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var a = Node();
        var b = Node();
        _peers = new PeerManager(a, new PeerDialer(new DialerOptions()), TimeProvider.System, NullLogger.Instance);
        _remotePeers = new PeerManager(b, new PeerDialer(new DialerOptions()), TimeProvider.System, NullLogger.Instance);
        _remoteListener = Listener.Start(PeerEndpoint.FromIp(IPAddress.Loopback, 0), _remotePeers.AcceptAsync, NullLogger.Instance);
        _dispatcher = new RpcDispatcher();
        var info = new NodeInfo(a, "bench", [1, 2, 3], Path.GetTempPath(), "peerd-bench", [PeerEndpoint.FromIp(IPAddress.Loopback, 9735)], []);
        LightningRpc.Register(_dispatcher, _peers, info, () => { });
        _connectRequest = Encoding.UTF8.GetBytes(
            $$"""{"jsonrpc":"2.0","method":"connect","id":"cli:connect#24316","params":["{{b.Id}}@127.0.0.1:{{_remoteListener.Bound.Port}}"]}""");
        var first = Encoding.UTF8.GetString(_dispatcher.HandleAsync(_connectRequest).AsTask().GetAwaiter().GetResult());
        if (!first.Contains("\"result\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"benchmark set-up connect failed: {first}");
        }
    }

    /// <summary>Stops both nodes.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _peers.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _remoteListener.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _remotePeers.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Parsing the getinfo request into a document: the floor of any dispatch.</summary>
    [Benchmark(Baseline = true)]
    public JsonValueKind ParseOnly()
    {
        using var document = JsonDocument.Parse(GetInfoRequest);
        return document.RootElement.ValueKind;
    }

    /// <summary>getinfo, request bytes to response bytes.</summary>
    [Benchmark]
    public async Task<int> GetInfo() => (await _dispatcher.HandleAsync(GetInfoRequest).ConfigureAwait(false)).Length;

    /// <summary>connect to the peer already connected, request bytes to response bytes.</summary>
    [Benchmark]
    public async Task<int> ConnectAlreadyConnected() => (await _dispatcher.HandleAsync(_connectRequest).ConfigureAwait(false)).Length;

    private static LocalNode Node() =>
        new(StaticKey.Generate(), LightningNetwork.Regtest, OurFeatures.Init, Tuning.HandshakeTimeout, Tuning.TcpConnectTimeout);
}
