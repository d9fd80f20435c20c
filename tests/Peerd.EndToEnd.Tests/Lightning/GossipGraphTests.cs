using System.Diagnostics;
using System.Text.Json.Nodes;
using Peerd.Crypto;
using Peerd.EndToEnd.Tests.Infrastructure;
using Peerd.Primitives;
using Xunit.Abstractions;

namespace Peerd.EndToEnd.Tests.Lightning;

/// <summary>
/// The real mainnet graph (2024-09-22, 59,428 channels, 18,212 nodes) served over one connection by an independent
/// peer the way Core Lightning serves it — the whole dump, node announcements last in a burst, as fast as the
/// connection takes it — is held whole, survives a restart, lets <c>connect &lt;id&gt;</c> reach a node by its
/// announced address alone, and is served whole to node-lightning's own gossip sync.
/// </summary>
public sealed class GossipGraphTests(SignedGraph graph, ITestOutputHelper output) : IClassFixture<SignedGraph>
{
    /// <summary>How long the whole dump may take on a loaded CI machine (it is a deadline, not a measurement).</summary>
    private static readonly TimeSpan IngestDeadline = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task TheFullGraphOverOneConnectionIsHeldKeptAcrossARestartAndConnectByIdDialsTheAnnouncedAddress()
    {
        output.WriteLine($"signing the store took {graph.SigningTime.TotalSeconds:F1} s");
        var directory = Path.Combine(Path.GetTempPath(), "peerd-test-" + Guid.NewGuid().ToString("N")[..12]);
        var kept = directory + "-restart";
        await using (var server = await GossipServer.StartAsync(graph.StorePath))
        await using (var peerd = await PeerdProcess.StartAsync(directory: directory))
        {
            var stopwatch = Stopwatch.StartNew();
            var connected = await peerd.ConnectAsync(server.NodeId, "127.0.0.1", server.Port);
            Assert.Null(connected["error"]);
            var filter = await server.WaitForEventAsync("filter");
            Assert.Equal(0, filter["first"]!.GetValue<long>());

            var (channels, nodes) = await WaitForGraphAsync(peerd);
            output.WriteLine($"graph of {channels} channels and {nodes} nodes after {stopwatch.Elapsed.TotalSeconds:F1} s");
            Assert.True(channels >= SignedGraph.Channels * 0.999, $"{channels} channels");

            // getinfo reports the sync done once the peer has been quiet, with what it sent and what was kept.
            var (sync, info) = await WaitForSyncedAsync(peerd);
            output.WriteLine($"gossip_sync after {stopwatch.Elapsed.TotalSeconds:F1} s: {sync.ToJsonString()}");
            Assert.Equal("synced", sync["state"]!.GetValue<string>());
            var asked = Assert.Single(sync["peers"]!.AsArray())!;
            Assert.Equal(server.NodeId, asked["id"]!.GetValue<string>());
            Assert.Equal("done", asked["state"]!.GetValue<string>());
            Assert.Equal(0, asked["first_timestamp"]!.GetValue<long>());
            var received = asked["received"]!;
            var accepted = asked["accepted"]!;
            Assert.True(received["channel_announcement"]!.GetValue<long>() >= SignedGraph.Channels * 0.999, received.ToJsonString());
            Assert.True(received["channel_update"]!.GetValue<long>() >= 2 * SignedGraph.Channels * 0.999, received.ToJsonString());
            Assert.True(received["node_announcement"]!.GetValue<long>() >= SignedGraph.Nodes * 0.999, received.ToJsonString());
            Assert.Equal(info["num_gossip_channels"]!.GetValue<long>(), accepted["channel_announcement"]!.GetValue<long>());
            Assert.Equal(info["num_gossip_nodes"]!.GetValue<long>(), accepted["node_announcement"]!.GetValue<long>());
            await LogAssert.ContainsAsync(peerd, $"Asked {server.NodeId} for gossip from the beginning (first_timestamp 0)");
            var done = await LogAssert.ContainsAsync(peerd, $"Gossip sync from {server.NodeId} done in ");
            output.WriteLine(done);
            Assert.Contains(
                $"{SignedGraph.Channels + (2 * SignedGraph.Channels) + SignedGraph.Nodes} messages ({SignedGraph.Channels} channel_announcement, {2 * SignedGraph.Channels} channel_update, {SignedGraph.Nodes} node_announcement)",
                done,
                StringComparison.Ordinal);

            await using var rpc = await peerd.RpcAsync();
            var listed = (await rpc.ResultAsync("listnodes"))["nodes"]!.AsArray();
            int withAddresses = listed.Count(n => n!["addresses"] is JsonArray { Count: > 0 });
            Assert.True(withAddresses >= SignedGraph.NodesWithAddresses * 0.999, $"{withAddresses} nodes with addresses");
            var node5 = Hex.Encode(Secp256k1.CreatePublicKey(SignedGraph.SecretOf(5)));
            var from5 = (await rpc.ResultAsync("listchannels", new JsonObject { ["source"] = node5 }))["channels"]!.AsArray();
            Assert.NotEmpty(from5);
            Assert.All(from5, c => Assert.Equal(node5, c!["source"]!.GetValue<string>()));
            var one = from5[0]!["short_channel_id"]!.GetValue<string>();
            Assert.Equal(2, (await rpc.ResultAsync("listchannels", new JsonObject { ["short_channel_id"] = one }))["channels"]!.AsArray().Count);

            // connect <id> alone: node 5 of the snapshot announced 127.1.0.5:9735; a peer with its key listens there.
            await using var target = await NodeLightningPeerAt(SignedGraph.AddressOf(5), 9735, SignedGraph.SecretOf(5));
            var byId = await peerd.ConnectAsync(Hex.Encode(Secp256k1.CreatePublicKey(SignedGraph.SecretOf(5))));
            Assert.Null(byId["error"]);
            Assert.Equal(SignedGraph.AddressOf(5), byId["result"]!["address"]!["address"]!.GetValue<string>());
            Assert.Equal(9735, byId["result"]!["address"]!["port"]!.GetValue<int>());

            await server.WaitForEventAsync("dumped");
            peerd.Process.Signal(15);
            await peerd.Process.WaitForExitAsync();
            CopyDirectory(directory, kept); // the fixture removes its own directory
        }

        // A restart keeps the graph.
        var started = Stopwatch.StartNew();
        await using (var again = await PeerdProcess.StartAsync(directory: kept))
        {
            output.WriteLine($"restarted in {started.Elapsed.TotalMilliseconds:F0} ms");
            await using var rpc = await again.RpcAsync();
            var info = await rpc.ResultAsync("getinfo", new System.Text.Json.Nodes.JsonObject { ["details"] = true });
            Assert.True(info["num_gossip_channels"]!.GetValue<int>() >= SignedGraph.Channels * 0.999);
            Assert.True(info["num_gossip_nodes"]!.GetValue<int>() >= SignedGraph.Nodes * 0.999);
            Assert.Contains("not checked on-chain", info["warning_gossip_unverified"]!.GetValue<string>(), StringComparison.Ordinal);
            var log = again.ReadLog();
            output.WriteLine(log.Split('\n').FirstOrDefault(l => l.Contains("Gossip store", StringComparison.Ordinal)) ?? "");

            // The unfiltered listchannels (~120,000 entries, ~60 MB) is streamed whole; the daemon never holds it.
            long rssBefore = ProcessMetrics.RssBytes(again.Process.Id);
            var listClock = Stopwatch.StartNew();
            var (bytes, entries, tail) = await StreamedRpcReader.CountAsync(again.RpcPath, "listchannels", "{\"source\":", IngestDeadline);
            output.WriteLine($"listchannels: {entries} entries, {bytes / 1e6:F1} MB in {listClock.Elapsed.TotalSeconds:F1} s; daemon RSS {ProcessMetrics.Mib(rssBefore)} before, {ProcessMetrics.Mib(ProcessMetrics.RssBytes(again.Process.Id))} after");
            Assert.True(entries >= 2 * SignedGraph.Channels * 0.999, $"{entries} listchannels entries");
            Assert.EndsWith("}]}}\n\n", tail, StringComparison.Ordinal);

            // node-lightning's own gossip code syncs the graph from the restarted node (gossip_queries: channel range,
            // then the ids 2,000 at a time), checking every signature itself.
            var syncClock = Stopwatch.StartNew();
            await using var sync = NodeLightningGossipSync.Start(again.NodeId, again.Port);
            var synced = await sync.WaitForSyncedAsync(IngestDeadline);
            output.WriteLine($"node-lightning synced {synced["channels"]} channels, {synced["updates"]} updates, {synced["nodes"]} node announcements from Peerd in {syncClock.Elapsed.TotalSeconds:F1} s; {synced["errors"]} gossip errors ({synced["firstError"]})");
            Assert.Equal(0, synced["errors"]!.GetValue<int>());
            Assert.True(synced["channels"]!.GetValue<int>() >= SignedGraph.Channels * 0.999, $"{synced["channels"]} channels");
            Assert.True(synced["updates"]!.GetValue<int>() >= 2 * SignedGraph.Channels * 0.999, $"{synced["updates"]} updates");
            Assert.True(synced["nodes"]!.GetValue<int>() >= SignedGraph.Nodes * 0.999, $"{synced["nodes"]} nodes");
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            if (file.EndsWith("lightning-rpc", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static async Task<NodeLightningPeer> NodeLightningPeerAt(string host, int port, byte[] secret) =>
        await NodeLightningPeer.ListenAsync(host, port, secret, SignedGraph.RegtestChain);

    private static async Task<(JsonNode Sync, JsonNode Info)> WaitForSyncedAsync(PeerdProcess peerd)
    {
        // The peer is done once quiet for the quiet period (15 s); the deadline leaves room for a loaded machine.
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await using (var rpc = await peerd.RpcAsync())
            {
                var info = await rpc.ResultAsync("getinfo", new JsonObject { ["details"] = true });
                var sync = info["gossip_sync"]!;
                if (sync["state"]!.GetValue<string>() == "synced" || deadline.Elapsed > TimeSpan.FromMinutes(2))
                {
                    return (sync, info);
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static async Task<(int Channels, int Nodes)> WaitForGraphAsync(PeerdProcess peerd)
    {
        var deadline = Stopwatch.StartNew();
        int channels = 0, nodes = 0;
        while (deadline.Elapsed < IngestDeadline)
        {
            await using (var rpc = await peerd.RpcAsync())
            {
                var info = await rpc.ResultAsync("getinfo", new System.Text.Json.Nodes.JsonObject { ["details"] = true });
                channels = info["num_gossip_channels"]!.GetValue<int>();
                nodes = info["num_gossip_nodes"]!.GetValue<int>();
                var announced = (await rpc.ResultAsync("listnodes"))["nodes"]!.AsArray().Count(n => n!["last_timestamp"] is not null);
                if (channels >= SignedGraph.Channels && announced >= SignedGraph.Nodes)
                {
                    return (channels, nodes);
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        return (channels, nodes);
    }
}
