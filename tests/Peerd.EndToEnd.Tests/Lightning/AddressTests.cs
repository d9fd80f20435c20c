using System.Text.Json.Nodes;
using Peerd.Crypto;
using Peerd.EndToEnd.Tests.Infrastructure;
using Peerd.Lightning.Protocol.Addresses;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Primitives;

namespace Peerd.EndToEnd.Tests.Lightning;

/// <summary>
/// connect by id alone (from gossip), by name, through a SOCKS5 proxy, over Unix sockets, and to a name with several
/// addresses — against real daemons, a real proxy and real sockets.
/// </summary>
public sealed class AddressTests
{
    [Fact]
    public async Task AnAddressLearnedFromASignedAnnouncementIsUsedAndSurvivesARestart()
    {
        var dir = Path.Combine(Path.GetTempPath(), "peerd-gossip-" + Guid.NewGuid().ToString("N")[..8]);
        var a = await PeerdProcess.StartAsync(directory: dir);
        await using var c = await PeerdProcess.StartAsync();
        var cKey = new StaticKey(File.ReadAllBytes(Path.Combine(c.Directory, "regtest", "node_secret")));
        try
        {
            await using (var gossiper = await RawLightningClient.ConnectAsync(a.Port))
            {
                await gossiper.HandshakeAsync(a.NodeId);
                await gossiper.SendInitAsync(LightningNetwork.Regtest);
                await gossiper.ReadMessageOfTypeAsync(MessageType.Init);

                // BOLT 7: a node's announcement is taken only once the node has a channel.
                await gossiper.SendMessageAsync(SignedChannel.Of(cKey));

                // A forged announcement (C's id, signed by someone else) is refused with a warning and never stored.
                var forged = Announce(cKey, 1_700_000_000, 9);
                forged[^1] ^= 1;
                await gossiper.SendMessageAsync(forged);
                var warning = await gossiper.ReadMessageOfTypeAsync(MessageType.Warning);
                Assert.True(WarningMessage.TryDecode(warning, out var w, out _));
                Assert.Contains("signature", w!.DataText, StringComparison.OrdinalIgnoreCase);

                await gossiper.SendMessageAsync(Announce(cKey, 1_700_000_000, c.Port));
                await using var rpc = await a.RpcAsync();
                await WaitForNodeAsync(rpc, c.NodeId);
            }

            await AssertConnectsByIdAsync(a, c);

            a.Process.Signal(9);
            await a.Process.WaitForExitAsync();
            await a.Process.DisposeAsync();
            a = await PeerdProcess.StartAsync(directory: dir);
            await using (var rpc = await a.RpcAsync())
            {
                var nodes = (await rpc.ResultAsync("listnodes", new JsonArray(c.NodeId)))["nodes"]!.AsArray();
                Assert.Equal($"{{\"type\":\"ipv4\",\"address\":\"127.0.0.1\",\"port\":{c.Port}}}", nodes[0]!["addresses"]![0]!.ToJsonString());
            }

            await AssertConnectsByIdAsync(a, c);
        }
        finally
        {
            await a.DisposeAsync();
        }
    }

    [Fact]
    public async Task AnUnknownIdWithoutAHostHasNoAddress()
    {
        await using var a = await PeerdProcess.StartAsync();
        await using var rpc = await a.RpcAsync();
        var response = await rpc.CallAsync("connect", new JsonArray(Hex.Encode(StaticKey.Generate().PublicKey)));
        Assert.Equal(400, response["error"]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task ConnectsThroughASocks5ProxyToAPeerAddressedByName()
    {
        await using var proxy = await Microsocks.StartAsync();
        await using var a = await PeerdProcess.StartAsync(extraArguments: [$"--proxy=127.0.0.1:{proxy.Port}", "--always-use-proxy"]);
        await using var c = await PeerdProcess.StartAsync();
        await using var rpc = await a.RpcAsync();
        var result = await rpc.ResultAsync("connect", new JsonArray($"{c.NodeId}@localhost:{c.Port}"));
        Assert.Equal(c.NodeId, result["id"]!.GetValue<string>());

        // The proxy, not us, reached the peer: C sees the connection coming from the proxy's side of loopback.
        await using var rc = await c.RpcAsync();
        await NodeLightningInteropTests.WaitForPeerAsync(rc, a.NodeId);

        int closed;
        await using (var listener = new FakeListener(FakeListener.Behaviour.Silent))
        {
            closed = listener.Port;
        }

        var refused = await rpc.CallAsync("connect", new JsonArray($"{Hex.Encode(StaticKey.Generate().PublicKey)}@localhost:{closed}"));
        Assert.Equal(401, refused["error"]!["code"]!.GetValue<int>());
        Assert.Contains("Tor server reply: connection refused", refused["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOnionWithoutAProxyNeedsOne()
    {
        await using var a = await PeerdProcess.StartAsync();
        await using var rpc = await a.RpcAsync();
        const string onion = "vww6ybal4bd7szmgncyruucpgfkqahzddi37ktceo3ah7ngmcopnpyyd.onion";
        var response = await rpc.CallAsync("connect", new JsonArray($"{Hex.Encode(StaticKey.Generate().PublicKey)}@{onion}:9735"));
        Assert.Equal(401, response["error"]!["code"]!.GetValue<int>());
        Assert.Equal($"All addresses failed: {onion}:9735: need a proxy. ", response["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnixSocketsListenAndConnect()
    {
        var path = Path.Combine(Path.GetTempPath(), "peerd-" + Guid.NewGuid().ToString("N")[..8] + ".sock");
        try
        {
            await using var c = await PeerdProcess.StartAsync(extraArguments: [$"--bind-addr={path}"]);
            await using var a = await PeerdProcess.StartAsync();
            await using (var rc = await c.RpcAsync())
            {
                var bindings = (await rc.ResultAsync("getinfo"))["binding"]!.AsArray();
                Assert.Contains(bindings, b => b!.ToJsonString() == $"{{\"type\":\"local socket\",\"socket\":\"{path}\"}}");
            }

            await using var rpc = await a.RpcAsync();
            var result = await rpc.ResultAsync("connect", new JsonObject { ["id"] = c.NodeId, ["host"] = path });
            Assert.Equal($"{{\"type\":\"local socket\",\"socket\":\"{path}\"}}", result["address"]!.ToJsonString());
            Assert.Equal("out", result["direction"]!.GetValue<string>());
        }
        finally
        {
            // The socket lives outside the daemon's directory; a daemon that does not stop cleanly leaves it behind.
            File.Delete(path);
        }
    }

    [Fact]
    public async Task EveryAddressOfANameIsTriedInTurn()
    {
        var hosts = Path.Combine(Path.GetTempPath(), "peerd-hosts-" + Guid.NewGuid().ToString("N")[..8]);
        await File.WriteAllTextAsync(hosts, "127.0.0.1 localhost\n127.0.0.2 multi.peerd.test\n127.0.0.3 multi.peerd.test\n");
        try
        {
            await using var c = await PeerdProcess.StartAsync(extraArguments: ["--bind-addr=127.0.0.3:0"]);
            int port;
            await using (var rc = await c.RpcAsync())
            {
                port = (await rc.ResultAsync("getinfo"))["binding"]!.AsArray().Single(b => b!["address"]!.GetValue<string>() == "127.0.0.3")!["port"]!.GetValue<int>();
            }

            await using var a = await PeerdProcess.StartAsync(hostsFile: hosts);
            await using var rpc = await a.RpcAsync();

            // Nothing on the port of either address: both are tried and both failures are reported.
            int closed;
            await using (var listener = new FakeListener(FakeListener.Behaviour.Silent))
            {
                closed = listener.Port;
            }

            var response = await rpc.CallAsync("connect", new JsonArray($"{Hex.Encode(StaticKey.Generate().PublicKey)}@multi.peerd.test:{closed}"));
            Assert.Equal(
                $"All addresses failed: 127.0.0.2:{closed}: Connection establishment: Connection refused. 127.0.0.3:{closed}: Connection establishment: Connection refused. ",
                response["error"]!["message"]!.GetValue<string>());

            // The first address is dead, the second is C.
            var result = await rpc.ResultAsync("connect", new JsonArray($"{c.NodeId}@multi.peerd.test:{port}"));
            Assert.Equal($"{{\"type\":\"ipv4\",\"address\":\"127.0.0.3\",\"port\":{port}}}", result["address"]!.ToJsonString());
        }
        finally
        {
            File.Delete(hosts);
        }
    }

    private static byte[] Announce(StaticKey key, uint timestamp, int port) =>
        NodeAnnouncement.Sign(key, OurFeatures.Node, timestamp, [1, 2, 3], "gossiped", [WireAddress.FromIPAddress(System.Net.IPAddress.Loopback, (ushort)port)]).ToArray();

    private static Task WaitForNodeAsync(RpcClient rpc, string id) =>
        // The announcement, not the channel: listnodes lists a channel's endpoints before they announce themselves.
        Eventually.TrueAsync(
            async () => (await rpc.ResultAsync("listnodes", new JsonArray(id)))["nodes"]!.AsArray().Any(n => n!["last_timestamp"] is not null),
            "the announcement stored");

    private static async Task AssertConnectsByIdAsync(PeerdProcess a, PeerdProcess c)
    {
        await using var rpc = await a.RpcAsync();
        var result = await rpc.ResultAsync("connect", new JsonArray(c.NodeId));
        Assert.Equal($"{{\"type\":\"ipv4\",\"address\":\"127.0.0.1\",\"port\":{c.Port}}}", result["address"]!.ToJsonString());
        await rpc.ResultAsync("disconnect", new JsonArray(c.NodeId));
    }
}
