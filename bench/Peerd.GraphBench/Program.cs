using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Peerd.Crypto;
using Peerd.Lightning.Gossip;
using Peerd.Lightning.Node;
using Peerd.Lightning.Peers;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Transport;

// peerd-graphbench: the channel graph's numbers on one machine, in one run.
//   dotnet run -c Release --project bench/Peerd.GraphBench -- <signed gossip store> <repo>/tests/interop
// 1. the bound: every signature of the store verified on all cores, nothing else (hashing included);
// 2. ingest: the same store served over loopback by tests/interop/lightning/gossip-server.js (node-lightning) to an
//    in-process node (PeerManager + GossipNode, as the daemon wires them), from its filter to the last message applied;
// 3. the gossip_store written by (2) loaded into an empty graph (three times, the best reported);
// 4. memory: managed heap and RSS before and after the load.
if (args is ["--load", var only])
{
    LoadAndMeasure(only);
    return 0;
}

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: peerd-graphbench <signed gossip store> <tests/interop directory>");
    return 2;
}

var storeBytes = File.ReadAllBytes(args[0]);
var messages = ReadStore(storeBytes);
Console.WriteLine($"store: {messages.Count} messages, cores {Environment.ProcessorCount}");

// 1. The bound.
var boundCpuStart = Process.GetCurrentProcess().TotalProcessorTime;
var (bound, signatures) = VerifyAll(messages);
var boundCpu = Process.GetCurrentProcess().TotalProcessorTime - boundCpuStart;
Console.WriteLine($"bound: {signatures} signatures in {bound.TotalSeconds:F2} s wall ({signatures / bound.TotalSeconds:F0}/s), {boundCpu.TotalSeconds:F2} s CPU");

// 2. Ingest over loopback.
var dir = Directory.CreateTempSubdirectory("peerd-graphbench-").FullName;
try
{
    var ingestCpuStart = Process.GetCurrentProcess().TotalProcessorTime;
    var ingest = await IngestAsync(args[0], args[1], dir, messages.Count);
    var ingestCpu = Process.GetCurrentProcess().TotalProcessorTime - ingestCpuStart;
    Console.WriteLine($"ingest: {ingest.TotalSeconds:F2} s wall ({messages.Count / ingest.TotalSeconds:F0} messages/s) = {bound.TotalSeconds / ingest.TotalSeconds:P0} of the bound's wall time; " +
        $"{ingestCpu.TotalSeconds:F2} s CPU in this process = {boundCpu.TotalSeconds / ingestCpu.TotalSeconds:P0} of the bound's CPU (the node-lightning server's CPU is not counted)");

    // 3 and 4. Load and memory.
    LoadAndMeasure(Path.Combine(dir, GossipStore.FileName));
}
finally
{
    Directory.Delete(dir, recursive: true);
}

return 0;

static void LoadAndMeasure(string path)
{
    double best = double.MaxValue;
    for (int i = 0; i < 3; i++)
    {
        best = Math.Min(best, LoadOnce(path, i + 1));
    }

    Console.WriteLine($"load best: {best:F0} ms CPU");
}

// One load, measured from a collected heap to the loaded graph; the graph is unreachable once this returns, so the
// next load starts from the same heap (a graph kept in the caller's frame made later loads read as free).
[System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
static double LoadOnce(string path, int run)
{
    Collect();
    long heapBefore = GC.GetTotalMemory(true);
    long rssBefore = Environment.WorkingSet;
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var stopwatch = Stopwatch.StartNew();
    var graph = new ChannelGraph(LightningNetwork.Regtest.ChainHash, TimeProvider.System);
    using (GossipStore.Open(path, graph, TimeProvider.System, NullLogger.Instance))
    {
    }

    var loadCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    var wall = stopwatch.Elapsed;
    Collect();
    long heap = GC.GetTotalMemory(true) - heapBefore;
    long rss = Environment.WorkingSet - rssBefore;
    Console.WriteLine($"load {run}: {wall.TotalMilliseconds:F0} ms wall, {loadCpu.TotalMilliseconds:F0} ms CPU, {graph.ChannelCount} channels, {graph.NodeCount} nodes, {new FileInfo(path).Length / 1e6:F1} MB on disk; " +
        $"managed heap +{heap / 1e6:F1} MB ({heap * 10_000.0 / graph.ChannelCount / 1e6:F1} MB per 10k channels), RSS +{rss / 1e6:F1} MB ({rss * 10_000.0 / graph.ChannelCount / 1e6:F1} MB per 10k channels)");
    GC.KeepAlive(graph);
    return loadCpu.TotalMilliseconds;
}

static void Collect()
{
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
}

static List<byte[]> ReadStore(byte[] store)
{
    var result = new List<byte[]>();
    for (int offset = 1; offset + 12 <= store.Length;)
    {
        int length = BinaryPrimitives.ReadUInt16BigEndian(store.AsSpan(offset + 2));
        var message = store.AsSpan(offset + 12, length).ToArray();
        offset += 12 + length;
        ushort type = BinaryPrimitives.ReadUInt16BigEndian(message);
        if (type is 256 or 257 or 258)
        {
            result.Add(message);
        }
    }

    return result;
}

static (TimeSpan Elapsed, long Signatures) VerifyAll(List<byte[]> messages)
{
    // Signers of each update from its channel (a pre-pass, not timed).
    var ends = new Dictionary<ulong, (byte[], byte[])>();
    var jobs = new List<(byte[] Message, byte[]? Signer)>();
    foreach (var message in messages)
    {
        if (ChannelAnnouncement.TryRead(message, out var channel, out _))
        {
            ends[channel.ShortChannelId.Value] = (channel.NodeId1.ToArray(), channel.NodeId2.ToArray());
            jobs.Add((message, null));
        }
        else if (ChannelUpdate.TryRead(message, out var update, out _))
        {
            var (n1, n2) = ends[update.ShortChannelId.Value];
            jobs.Add((message, update.Direction == 0 ? n1 : n2));
        }
        else
        {
            jobs.Add((message, null));
        }
    }

    long count = 0;
    int failures = 0;
    var stopwatch = Stopwatch.StartNew();
    Parallel.For(0, jobs.Count, () => 0L, (i, state, local) =>
    {
        var (message, signer) = jobs[i];
        Span<byte> hash = stackalloc byte[32];
        if (ChannelAnnouncement.TryRead(message, out var channel, out _))
        {
            channel.ComputeSignedHash(hash);
            if (!channel.VerifySignatures(hash))
            {
                Interlocked.Increment(ref failures);
            }

            return local + 4;
        }

        if (signer is not null && ChannelUpdate.TryRead(message, out var update, out _))
        {
            update.ComputeSignedHash(hash);
            if (!update.VerifySignature(hash, signer))
            {
                Interlocked.Increment(ref failures);
            }

            return local + 1;
        }

        if (NodeAnnouncement.TryDecode(message, out var node, out _) && !node.VerifySignature())
        {
            Interlocked.Increment(ref failures);
        }

        return local + 1;
    }, local => Interlocked.Add(ref count, local));
    var elapsed = stopwatch.Elapsed;
    if (failures > 0)
    {
        throw new InvalidOperationException($"{failures} signatures did not verify");
    }

    return (elapsed, count);
}

static async Task<TimeSpan> IngestAsync(string storePath, string interop, string dir, int expected)
{
    var key = new StaticKey(Enumerable.Repeat((byte)0x33, 32).ToArray());
    var local = new LocalNode(key, LightningNetwork.Regtest, OurFeatures.Init, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
    using var book = AddressBook.Open(Path.Combine(dir, AddressBook.FileName), TimeProvider.System, NullLogger.Instance);
    var gossip = GossipNode.Start(dir, LightningNetwork.Regtest, book, TimeProvider.System, NullLogger.Instance);
    var peers = new PeerManager(local, new PeerDialer(new DialerOptions()), TimeProvider.System, NullLogger.Instance);
    peers.ReadGate = (connection, cancellationToken) => gossip.Ingest.FlushAsync(connection.NodeId, cancellationToken);
    peers.MessageReceived += (connection, message) => gossip.Responder.Handle(new GossipPeer(connection.NodeId, connection.TrySend, connection.SendAsync, connection.ClosedToken), message);
    peers.PeerConnected += connection => gossip.OnConnected(new GossipPeer(connection.NodeId, connection.TrySend, connection.SendAsync, connection.ClosedToken));

    var serverSecret = Enumerable.Repeat((byte)0x5A, 32).ToArray();
    var info = new ProcessStartInfo("node") { WorkingDirectory = interop, RedirectStandardInput = true, RedirectStandardOutput = true };
    foreach (var a in new[] { "lightning/gossip-server.js", "127.0.0.1", "0", Convert.ToHexStringLower(serverSecret), storePath, Convert.ToHexStringLower(LightningNetwork.Regtest.ChainHash.Bytes) })
    {
        info.ArgumentList.Add(a);
    }

    using var server = Process.Start(info)!;
    try
    {
        var listening = JsonNode.Parse((await server.StandardOutput.ReadLineAsync())!)!;
        var serverId = NodeId.FromBytes(Secp256k1.CreatePublicKey(serverSecret));
        var endpoint = PeerEndpoint.FromIp(IPAddress.Loopback, listening["port"]!.GetValue<int>());
        var stopwatch = Stopwatch.StartNew();
        var outcome = await peers.ConnectAsync(serverId, [endpoint]);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException(outcome.ErrorMessage);
        }

        var statistics = gossip.Ingest.Statistics;
        var deadline = Stopwatch.StartNew();
        while (Interlocked.Read(ref statistics.Received) < expected && deadline.Elapsed < TimeSpan.FromMinutes(30))
        {
            await Task.Delay(5);
        }

        await gossip.Ingest.FlushAsync(serverId, CancellationToken.None);
        await gossip.Ingest.DrainAsync(CancellationToken.None);
        var elapsed = stopwatch.Elapsed;
        Console.WriteLine($"ingest: {gossip.Graph.ChannelCount} channels, {gossip.Graph.NodeCount} nodes, {book.Statistics.Announced} announced; " +
            $"stored {statistics.StoredCount}, duplicates {statistics.Duplicates}, refused {statistics.Refused}, invalid {statistics.Invalid}, flow-control waits {statistics.FlowControlWaits}");
        return elapsed;
    }
    finally
    {
        server.Kill();
        await peers.DisposeAsync();
        await gossip.DisposeAsync();
    }
}
