using Peerd.TestKit;
using System.Text.Json.Nodes;
using Peerd.EndToEnd.Tests.Infrastructure;

namespace Peerd.EndToEnd.Tests.Lightning;

/// <summary>Peerd against an independent BOLT 8 + BOLT 1 implementation (@node-lightning/wire), both directions.</summary>
public sealed class NodeLightningInteropTests
{
    private const string Regtest = "06226e46111a0b59caaf126043eb5bbf28c34f3a5e332a1fc7b2b73cf188910f";

    [Fact]
    public async Task NodeLightningConnectsToPeerdAndPingsAreAnswered()
    {
        await using var peerd = await PeerdProcess.StartAsync();
        await using var peer = NodeLightningPeer.Dial("127.0.0.1", peerd.Port, peerd.NodeId, Regtest);
        var ready = await peer.WaitReadyAsync();
        Assert.Equal("20000000a282", ready["remoteFeatures"]!.GetValue<string>());
        Assert.Equal(Regtest, ready["remoteChains"]![0]!.GetValue<string>());

        await using var rpc = await peerd.RpcAsync();
        var listed = await WaitForPeerAsync(rpc, peer.NodeId);
        Assert.Equal("in", listed["direction"]!.GetValue<string>());
        Assert.Equal("02", listed["features"]!.GetValue<string>());
        Assert.True(listed["connected"]!.GetValue<bool>());

        await peer.PingAsync(10);
        var pong = await peer.WaitForEventAsync("pong");
        Assert.Equal(10, pong["length"]!.GetValue<int>());

        await peer.CloseAsync();
        await rpc.WaitForNoPeersAsync();
    }

    [Fact]
    public async Task PeerdConnectsToNodeLightningAndDisconnectsCleanly()
    {
        await using var peerd = await PeerdProcess.StartAsync();
        await using var peer = await NodeLightningPeer.ListenAsync(Regtest);
        var response = await peerd.ConnectAsync(peer.NodeId, "127.0.0.1", peer.Port);
        var result = response["result"]!.AsObject();
        Assert.Equal(peer.NodeId, result["id"]!.GetValue<string>());
        Assert.Equal("02", result["features"]!.GetValue<string>());
        Assert.Equal("out", result["direction"]!.GetValue<string>());
        Assert.Equal(
            new JsonObject { ["type"] = "ipv4", ["address"] = "127.0.0.1", ["port"] = peer.Port }.ToJsonString(),
            result["address"]!.ToJsonString());
        var ready = await peer.WaitReadyAsync();
        Assert.Equal("20000000a282", ready["remoteFeatures"]!.GetValue<string>());

        await using var rpc = await peerd.RpcAsync();
        var disconnected = await rpc.ResultAsync("disconnect", new JsonObject { ["id"] = peer.NodeId });
        Assert.Empty(disconnected);
        await peer.WaitForEventAsync("close");
        var peers = await rpc.ResultAsync("listpeers");
        Assert.Empty(peers["peers"]!.AsArray());
    }

    [Fact]
    public async Task PeerdPingsAnIdlePeerAndMeasuresTheRoundTrip()
    {
        await using var peerd = await PeerdProcess.StartAsync(extraArguments: ["--ping-idle-secs=0.3"]);
        await using var peer = NodeLightningPeer.Dial("127.0.0.1", peerd.Port, peerd.NodeId, Regtest);
        await peer.WaitReadyAsync();
        await peer.Process.WaitForLineAsync(l => l.Contains("\"type\":18", StringComparison.Ordinal), "ping from peerd");
        await using var rpc = await peerd.RpcAsync();
        var listed = await Eventually.ValueAsync(
            async () => await WaitForPeerAsync(rpc, peer.NodeId) is { } entry && entry["ping_ms"] is not null ? entry : null,
            "a round trip measured");
        Assert.True(listed["ping_ms"]!.GetValue<double>() >= 0);
    }

    public static async Task<JsonObject> WaitForPeerAsync(RpcClient rpc, string id)
    {
        return await Eventually.ValueAsync(
            async () =>
            {
                var peers = (await rpc.ResultAsync("listpeers", new JsonObject { ["id"] = id, ["details"] = true }))["peers"]!.AsArray();
                return peers.Count == 1 && peers[0]!["connected"]!.GetValue<bool>() ? peers[0]!.AsObject() : null;
            },
            $"peer {id} connected in listpeers");
    }
}
