using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Peerd.Crypto;
using Peerd.Lightning.Peers;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Rpc;
using Peerd.Lightning.Transport;
using Peerd.Rpc.Dispatch;

namespace Peerd.Daemon;

/// <summary>
/// Runs the <c>connect</c> path once the daemon is up, between two throwaway nodes inside the process, so the first
/// <c>connect</c> a user makes does not pay for the runtime's first calls. .NET compiles a method at its first call,
/// and the generic code instantiated over our types (each async method's builder and state-machine box, our
/// dictionaries and lists) has no precompiled form: on a fresh daemon the first <c>connect</c> compiled about 430
/// methods on the connecting side and 230 on the accepting one (0.5–0.7 s of CPU for both daemons), and the
/// framework's hot methods were re-compiled at their optimised tier in the background during the first few hundred
/// connects (about 4 ms of CPU per connect over the first 200). Here the JSON-RPC <c>connect</c> and <c>disconnect</c>
/// methods run through a dispatcher of their own, dial a listener on an ephemeral loopback port, and complete BOLT 8
/// and <c>init</c>, <see cref="Cycles"/> times: past the runtime's call-count threshold (30), so the tier-up happens
/// now rather than under a user's first connects. Then one <c>getinfo</c> goes over the daemon's own RPC socket, as a
/// client's would (the socket server's accept, read and reply code). The nodes have random keys and no logger, and
/// nothing of them is remembered (no address book, no gossip); a failure is logged at Debug and changes nothing else.
/// </summary>
internal sealed partial class ConnectPathWarmUp : IAsyncDisposable
{
    /// <summary>Connect/disconnect cycles: above the runtime's tiering call-count threshold of 30.</summary>
    internal const int Cycles = 40;

    /// <summary>Deadline of each call (a loopback handshake takes about a millisecond).</summary>
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(10);

    /// <summary>Bytes of a <c>getinfo</c> reply read at most (a few hundred in practice).</summary>
    private const int RpcReplyBound = 64 * 1024;

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;

    private ConnectPathWarmUp(LightningNetwork network, string rpcFile, ILogger logger) =>
        _run = Task.Run(() => RunAsync(network, rpcFile, logger, _stop.Token));

    /// <summary>Starts the warm-up on a pool thread; disposing cancels it and waits for it.</summary>
    public static ConnectPathWarmUp Start(LightningNetwork network, string rpcFile, ILogger logger) => new(network, rpcFile, logger);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _run.ConfigureAwait(false);
        _stop.Dispose();
    }

    private static async Task RunAsync(LightningNetwork network, string rpcFile, ILogger logger, CancellationToken stop)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var cycles = await CycleAsync(network, stop).ConfigureAwait(false);
            await GetInfoAsync(rpcFile, stop).ConfigureAwait(false);
            Finished(logger, cycles, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e)
        {
            // Nothing depends on the warm-up: whatever went wrong, the daemon runs as it would have without it.
            Failed(logger, e.Message);
        }
    }

    private static async Task<int> CycleAsync(LightningNetwork network, CancellationToken stop)
    {
        var a = Node(network);
        var b = Node(network);
        var dialer = new ProxyDialer(new PeerDialer(new DialerOptions(DisableDns: true)), new ProxyOptions(null, false, true));
        await using var peers = new PeerManager(a, dialer, TimeProvider.System, NullLogger.Instance);
        await using var remotePeers = new PeerManager(b, new PeerDialer(new DialerOptions(DisableDns: true)), TimeProvider.System, NullLogger.Instance);
        await using var listener = Listener.Start(PeerEndpoint.FromIp(IPAddress.Loopback, 0), remotePeers.AcceptAsync, NullLogger.Instance);
        var dispatcher = new RpcDispatcher();
        var info = new NodeInfo(a, "warm-up", [0, 0, 0], Path.GetTempPath(), Peerd.Daemon.Node.Version, [listener.Bound], []);
        LightningRpc.Register(dispatcher, peers, info, () => { });
        var connect = Encoding.UTF8.GetBytes(
            $$$"""{"jsonrpc":"2.0","id":"warm-up","method":"connect","params":{"id":"{{{b.Id}}}","host":"127.0.0.1","port":{{{listener.Bound.Port}}}}}""");
        var disconnect = Encoding.UTF8.GetBytes($$"""{"jsonrpc":"2.0","id":"warm-up","method":"disconnect","params":["{{b.Id}}"]}""");
        for (var i = 0; i < Cycles; i++)
        {
            await CallAsync(dispatcher, connect, stop).ConfigureAwait(false);
            await CallAsync(dispatcher, disconnect, stop).ConfigureAwait(false);
        }

        return Cycles;
    }

    /// <summary>One <c>getinfo</c> over the daemon's RPC socket, reply read to its end ("\n\n").</summary>
    private static async Task GetInfoAsync(string rpcFile, CancellationToken stop)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stop);
        deadline.CancelAfter(CallDeadline);
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(rpcFile), deadline.Token).ConfigureAwait(false);
        await socket.SendAsync("""{"jsonrpc":"2.0","id":"warm-up","method":"getinfo","params":{}}"""u8.ToArray(), deadline.Token).ConfigureAwait(false);
        var reply = new byte[RpcReplyBound];
        var length = 0;
        while (reply.AsSpan(0, length).IndexOf("\n\n"u8) < 0)
        {
            var read = await socket.ReceiveAsync(reply.AsMemory(length), deadline.Token).ConfigureAwait(false);
            length += read > 0 && length + read < reply.Length ? read : throw new InvalidOperationException("getinfo: no whole reply");
        }
    }

    private static async Task CallAsync(RpcDispatcher dispatcher, byte[] request, CancellationToken stop)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stop);
        deadline.CancelAfter(CallDeadline);
        var response = await dispatcher.HandleAsync(request, deadline.Token).ConfigureAwait(false);
        if (response.AsSpan().IndexOf("\"result\""u8) < 0)
        {
            throw new InvalidOperationException(Encoding.UTF8.GetString(response));
        }
    }

    private static LocalNode Node(LightningNetwork network) =>
        new(StaticKey.Generate(), network, OurFeatures.Init, CallDeadline, CallDeadline);

    [LoggerMessage(9001, LogLevel.Debug, "Connect path warmed up: {Cycles} loopback connects in {Milliseconds:F0} ms")]
    private static partial void Finished(ILogger logger, int cycles, double milliseconds);

    [LoggerMessage(9002, LogLevel.Debug, "Connect path warm-up skipped: {Reason}")]
    private static partial void Failed(ILogger logger, string reason);
}
