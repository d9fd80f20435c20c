using Peerd.Daemon.Logging;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Peerd.Crypto;
using Peerd.Lightning.Gossip;
using Peerd.Lightning.Peers;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Rpc;
using Peerd.Lightning.Transport;
using Peerd.ClnRpc.Dispatch;
using Peerd.ClnRpc.Hosting;

namespace Peerd.Daemon;

/// <summary>
/// Runs the <c>connect</c> path during start-up, between two throwaway nodes inside the process, so that the first
/// <c>connect</c> a user makes does not pay for the runtime's first calls. .NET compiles a method at its first call,
/// and the generic code instantiated over our types (each async method's builder and state-machine box, our
/// dictionaries and lists) has no precompiled form: on a fresh daemon the first <c>connect</c> compiled about 430
/// methods on the connecting side and 230 on the accepting one (0.5–0.7 s of CPU for both daemons), and the
/// framework's hot methods were re-compiled at their optimised tier in the background during the first few hundred
/// connects (about 4 ms of CPU per connect over the first 200). Here a JSON-RPC client (a new one per cycle, as each
/// <c>peerd-cli</c> call is) sends <c>getinfo</c>, <c>connect</c> and <c>disconnect</c> through a socket server of its
/// own (in <see cref="DirectoryName"/>), whose methods dial a listener on an ephemeral loopback port and complete BOLT 8 and
/// <c>init</c>, <see cref="Cycles"/> times: past the runtime's call-count threshold (30), so the re-compilation starts
/// now rather than under a user's first connects. It runs before the daemon's own listeners and RPC socket open, so
/// nothing a peer or a user does competes with it. The nodes have random keys and log through the daemon's own logging
/// types (<see cref="ThrottlingLoggerFactory"/> over a logger factory feeding a throwaway <see cref="PeerLogBook"/>),
/// ending in a sink that formats and drops each event (<see cref="FormattingNullLogger"/>): a logging call's code is
/// generic over its event's arguments (node ids are a value type), so each wrapper's instantiation is compiled per
/// event, and through a lone null logger the first real connect compiled about 20 of them (several ms). The nodes
/// also run gossip and an address book, wired as the daemon's are (<see cref="GossipWiring"/>). Nothing of them is
/// remembered (their address books and gossip stores live in <see cref="DirectoryName"/>, removed after; no line
/// reaches the log), and it is bounded by <see cref="Deadline"/>: a failure is logged at Debug and changes nothing else.
/// </summary>
internal static class ConnectPathWarmUp
{
    /// <summary>Connect/disconnect cycles: above the runtime's tiering call-count threshold of 30.</summary>
    internal const int Cycles = 40;

    /// <summary>Bytes of one reply read at most (a few hundred in practice).</summary>
    private const int ReplyBound = 64 * 1024;

    /// <summary>The whole warm-up's deadline (a loopback connect takes about a millisecond once compiled).</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The warm-up's directory, in the network directory: owner-only like the rest of it, and removed at the next start
    /// when a daemon was killed during its warm-up (a temporary directory would have stayed behind in /tmp).
    /// </summary>
    internal const string DirectoryName = "warm-up";

    /// <summary>Runs the warm-up in <see cref="DirectoryName"/> under <paramref name="networkDirectory"/>; never throws.</summary>
    public static async Task RunAsync(LightningNetwork network, string networkDirectory, ILogger logger)
    {
        var started = Stopwatch.GetTimestamp();
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        var directory = Path.Combine(networkDirectory, DirectoryName);
        try
        {
            using var deadline = new CancellationTokenSource(Deadline);
            Remove(directory);
            DataDirectory.CreatePrivate(directory);
            await CycleAsync(network, directory, deadline.Token).ConfigureAwait(false);
            DaemonLog.WarmUpFinished(logger, Cycles, System.Runtime.JitInfo.GetCompiledMethodCount() - compiled, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e)
        {
            // Nothing depends on the warm-up: whatever went wrong, the daemon runs as it would have without it.
            DaemonLog.WarmUpFailed(logger, e.Message);
        }
        finally
        {
            Remove(directory);
        }
    }

    private static void Remove(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next start to remove; nothing else depends on it.
        }
    }

    private static async Task CycleAsync(LightningNetwork network, string directory, CancellationToken cancellationToken)
    {
        var socketPath = Path.Combine(directory, "rpc");
        var a = Node(network);
        var b = Node(network);
        using var peerLog = new PeerLogBook(TimeProvider.System);
        using var loggers = Loggers(peerLog);
        var logger = loggers.CreateLogger(PeerLogBook.Category);
        var dialer = new ProxyDialer(new PeerDialer(new DialerOptions(DisableDns: true)), new ProxyOptions(null, false, true));
        // Declared first, released last: gossip is stopped after the peers that feed it, as in the daemon.
        await using var gossip = Throwaway.Open(network, Path.Combine(directory, "a"), loggers);
        await using var remoteGossip = Throwaway.Open(network, Path.Combine(directory, "b"), loggers);
        await using var peers = new PeerManager(a, dialer, TimeProvider.System, logger);
        await using var remotePeers = new PeerManager(b, new PeerDialer(new DialerOptions(DisableDns: true)), TimeProvider.System, logger);
        gossip.Attach(peers);
        remoteGossip.Attach(remotePeers);
        await using var listener = Listener.Start(PeerEndpoint.FromIp(IPAddress.Loopback, 0), remotePeers.AcceptAsync, logger);
        var dispatcher = new RpcDispatcher();
        var info = new NodeInfo(a, "warm-up", [0, 0, 0], Path.GetTempPath(), Peerd.Daemon.Node.Version, [listener.Bound], []);
        LightningRpc.Register(dispatcher, peers, info, () => { });
        await using var server = new UnixSocketRpcServer(socketPath, dispatcher);
        server.Start();

        var getinfo = Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":"warm-up","method":"getinfo","params":{}}""");
        var connect = Encoding.UTF8.GetBytes(
            $$$"""{"jsonrpc":"2.0","id":"warm-up","method":"connect","params":{"id":"{{{b.Id}}}","host":"127.0.0.1","port":{{{listener.Bound.Port}}}}}""");
        var disconnect = Encoding.UTF8.GetBytes($$"""{"jsonrpc":"2.0","id":"warm-up","method":"disconnect","params":["{{b.Id}}"]}""");
        var reply = new byte[ReplyBound];
        for (var i = 0; i < Cycles; i++)
        {
            // A new client each cycle, as each `peerd-cli` call is: the server's accept and session start are warmed too.
            using var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await client.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
            await CallAsync(client, getinfo, reply, cancellationToken).ConfigureAwait(false);
            await CallAsync(client, connect, reply, cancellationToken).ConfigureAwait(false);
            await CallAsync(client, disconnect, reply, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A throwaway node's address book and gossip (store, sync, relay) in a directory of the warm-up's, wired to its
    /// peers as the daemon's are: each cycle's connect asks the other node for gossip, as a real one does.
    /// </summary>
    private sealed class Throwaway(GossipNode gossip, AddressBook book) : IAsyncDisposable
    {
        public static Throwaway Open(LightningNetwork network, string directory, ILoggerFactory loggers)
        {
            DataDirectory.CreatePrivate(directory);
            var logger = loggers.CreateLogger("gossip");
            var book = AddressBook.Open(Path.Combine(directory, AddressBook.FileName), TimeProvider.System, logger);
            try
            {
                return new Throwaway(GossipNode.Start(directory, network, book, TimeProvider.System, logger), book);
            }
            catch
            {
                book.Dispose();
                throw;
            }
        }

        public void Attach(PeerManager peers) => GossipWiring.Attach(peers, gossip, book);

        public async ValueTask DisposeAsync()
        {
            await gossip.DisposeAsync().ConfigureAwait(false);
            book.Dispose();
        }
    }

    /// <summary>
    /// The daemon's logging types as <c>Node</c> composes them (the throttle over a factory feeding the peer log book),
    /// every level enabled, the console replaced by a sink that formats and drops.
    /// </summary>
    private static ThrottlingLoggerFactory Loggers(PeerLogBook peerLog) => new(
        LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(LogLevel.Trace);
            builder.AddProvider(peerLog);
            builder.AddProvider(FormattingNullLogger.Provider);
        }),
        LogEventRanges.RemoteTriggeredIds(),
        TimeProvider.System);

    /// <summary>Sends one request and reads its reply to the end ("\n\n"); throws unless it is a result.</summary>
    private static async Task CallAsync(Socket client, byte[] request, byte[] reply, CancellationToken cancellationToken)
    {
        await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var length = 0;
        while (reply.AsSpan(0, length).IndexOf("\n\n"u8) < 0)
        {
            var read = await client.ReceiveAsync(reply.AsMemory(length), cancellationToken).ConfigureAwait(false);
            length += read > 0 && length + read < reply.Length ? read : throw new InvalidOperationException("no whole reply");
        }

        if (reply.AsSpan(0, length).IndexOf("\"result\""u8) < 0)
        {
            throw new InvalidOperationException(Encoding.UTF8.GetString(reply, 0, length));
        }
    }

    private static LocalNode Node(LightningNetwork network) =>
        new(StaticKey.Generate(), network, OurFeatures.Init, Deadline, Deadline);
}
