using System.Text.Json.Nodes;
using Peerd.Crypto;
using Peerd.EndToEnd.Tests.Infrastructure;
using Peerd.EndToEnd.Tests.Lightning;
using Peerd.Primitives;

namespace Peerd.EndToEnd.Tests.Rpc;

/// <summary><c>disconnect</c>, <c>listpeers</c> and <c>getinfo</c> against running daemons.</summary>
public sealed class PeerMethodsTests(TwoNodesFixture nodes) : IClassFixture<TwoNodesFixture>
{
    [Fact]
    public async Task DisconnectingAnUnknownPeerIsAnError()
    {
        var id = Hex.Encode(StaticKey.Generate().PublicKey);
        await using var rpc = await nodes.A.RpcAsync();
        var response = await rpc.CallAsync("disconnect", new JsonArray(id));
        Assert.Equal(-32602, response["error"]!["code"]!.GetValue<int>());
        Assert.Equal($"Unknown peer '{id}'", response["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListPeersShowsBothEndsAndForgetsThePeerOnDisconnect()
    {
        await using var a = await nodes.A.RpcAsync();
        await using var b = await nodes.B.RpcAsync();
        await a.ResultAsync("connect", new JsonArray(nodes.B.NodeId, "127.0.0.1", nodes.B.Port));

        var fromA = await NodeLightningInteropTests.WaitForPeerAsync(a, nodes.B.NodeId);
        Assert.Equal([$"127.0.0.1:{nodes.B.Port}"], fromA["netaddr"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(0, fromA["num_channels"]!.GetValue<int>());
        Assert.Equal("20000000a282", fromA["features"]!.GetValue<string>());

        var fromB = await NodeLightningInteropTests.WaitForPeerAsync(b, nodes.A.NodeId);
        Assert.StartsWith("127.0.0.1:", fromB["netaddr"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEqual($"127.0.0.1:{nodes.A.Port}", fromB["netaddr"]![0]!.GetValue<string>());

        var named = await a.ResultAsync("listpeers", new JsonObject { ["id"] = nodes.B.NodeId, ["feature_names"] = true });
        var names = named["peers"]![0]!["feature_names"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Contains("option_data_loss_protect/odd", names);
        Assert.Contains("option_static_remotekey/odd", names);

        // Core Lightning's field set by default (its schema allows nothing else on a connected peer), in its order.
        var plain = (await a.ResultAsync("listpeers", new JsonArray(nodes.B.NodeId)))["peers"]![0]!.AsObject();
        Assert.Equal(["id", "connected", "num_channels", "netaddr", "features"], plain.Select(p => p.Key));

        // level adds the peer's log in Core Lightning's entry shape: what the daemon logged about this peer.
        var logged = (await a.ResultAsync("listpeers", new JsonArray(nodes.B.NodeId, "debug")))["peers"]![0]!.AsObject();
        Assert.Equal(["id", "connected", "num_channels", "netaddr", "features", "log"], logged.Select(p => p.Key));
        var connectedEntry = logged["log"]!.AsArray().Select(e => e!.AsObject()).First(e => e["log"]!.GetValue<string>().Contains("connected (out", StringComparison.Ordinal));
        Assert.Equal(["type", "time", "node_id", "source", "log"], connectedEntry.Select(p => p.Key));
        Assert.Equal("DEBUG", connectedEntry["type"]!.GetValue<string>());
        Assert.Equal(nodes.B.NodeId, connectedEntry["node_id"]!.GetValue<string>());
        Assert.Matches(@"^\d+\.\d{9}$", connectedEntry["time"]!.GetValue<string>());
        var quiet = (await a.ResultAsync("listpeers", new JsonObject { ["id"] = nodes.B.NodeId, ["level"] = "unusual" }))["peers"]![0]!["log"]!.AsArray();
        Assert.Equal("SKIPPED", Assert.Single(quiet)!["type"]!.GetValue<string>());

        var other = await a.ResultAsync("listpeers", new JsonArray(Hex.Encode(StaticKey.Generate().PublicKey)));
        Assert.Empty(other["peers"]!.AsArray());

        Assert.Empty(await a.ResultAsync("disconnect", new JsonObject { ["id"] = nodes.B.NodeId, ["force"] = true }));
        Assert.Empty((await a.ResultAsync("listpeers", new JsonArray(nodes.B.NodeId)))["peers"]!.AsArray());
        await b.WaitForNoPeersAsync();
    }

    [Fact]
    public async Task GetInfoHasTheReferenceKeysInOrder()
    {
        await using var rpc = await nodes.A.RpcAsync();
        var info = await rpc.ResultAsync("getinfo");
        Assert.Equal(
            ["id", "alias", "color", "num_peers", "num_pending_channels", "num_active_channels", "num_inactive_channels", "address",
             "binding", "version", "blockheight", "network", "fees_collected_msat", "lightning-dir", "our_features"],
            info.Select(p => p.Key));
        Assert.Equal(nodes.A.NodeId, info["id"]!.GetValue<string>());
        Assert.Equal("regtest", info["network"]!.GetValue<string>());
        Assert.Equal(Path.Combine(nodes.A.Directory, "regtest"), info["lightning-dir"]!.GetValue<string>());
        Assert.Equal("20000000a282", info["our_features"]!["init"]!.GetValue<string>());
        var bindings = info["binding"]!.AsArray().Select(b => b!["type"]!.GetValue<string>() + " " + b["address"]!.GetValue<string>()).ToList();
        Assert.Equal(["ipv4 127.0.0.1", "ipv6 ::1"], bindings);
    }
}
