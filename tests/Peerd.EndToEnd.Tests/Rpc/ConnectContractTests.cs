using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Peerd.Crypto;
using Peerd.EndToEnd.Tests.Infrastructure;
using Peerd.Primitives;

namespace Peerd.EndToEnd.Tests.Rpc;

/// <summary>Every row of the contract's <c>connect</c> table, against running daemons on loopback.</summary>
[Collection("connect contract")]
public sealed class ConnectContractTests(TwoNodesFixture nodes) : IClassFixture<TwoNodesFixture>
{
    private static readonly string Unknown = Hex.Encode(StaticKey.Generate().PublicKey);

    [Fact]
    public async Task EveryInputFormConnectsOut()
    {
        var b = nodes.B;
        JsonNode[] forms =
        [
            new JsonArray($"{b.NodeId}@127.0.0.1:{b.Port}"),
            new JsonArray(b.NodeId, "127.0.0.1", b.Port),
            new JsonObject { ["id"] = b.NodeId, ["host"] = "127.0.0.1", ["port"] = b.Port },
            new JsonObject { ["id"] = b.NodeId, ["host"] = "127.0.0.1", ["port"] = b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new JsonObject { ["id"] = $"{b.NodeId}@127.0.0.1:{b.Port}" },
        ];
        await using var rpc = await nodes.A.RpcAsync();
        foreach (var form in forms)
        {
            var result = await rpc.ResultAsync("connect", form);
            Assert.Equal(b.NodeId, result["id"]!.GetValue<string>());
            Assert.Equal("out", result["direction"]!.GetValue<string>());
            Assert.Equal("20000000a282", result["features"]!.GetValue<string>());
            Assert.Equal($"{{\"type\":\"ipv4\",\"address\":\"127.0.0.1\",\"port\":{b.Port}}}", result["address"]!.ToJsonString());
            Assert.Empty(await rpc.ResultAsync("disconnect", new JsonArray(b.NodeId)));
        }
    }

    [Fact]
    public async Task ConnectingAgainReturnsTheExistingConnectionAndConcurrentConnectsShareOne()
    {
        await using var c = await PeerdProcess.StartAsync();
        var target = new JsonObject { ["id"] = c.NodeId, ["host"] = "127.0.0.1", ["port"] = c.Port };
        await using var r1 = await nodes.A.RpcAsync();
        await using var r2 = await nodes.A.RpcAsync();
        var both = await Task.WhenAll(r1.CallAsync("connect", target.DeepClone()), r2.CallAsync("connect", target.DeepClone()));
        Assert.Equal(both[0]["result"]!.ToJsonString(), both[1]["result"]!.ToJsonString());

        var again = await r1.ResultAsync("connect", new JsonArray(c.NodeId));
        Assert.Equal(both[0]["result"]!.ToJsonString(), again.ToJsonString());
        await r1.ResultAsync("disconnect", new JsonArray(c.NodeId));
    }

    [Fact]
    public async Task WhenTheOtherSideConnectsBackTheConnectionIsInbound()
    {
        await using var c = await PeerdProcess.StartAsync();
        var viaC = await c.ConnectAsync(nodes.A.NodeId, "127.0.0.1", nodes.A.Port);
        Assert.Equal("out", viaC["result"]!["direction"]!.GetValue<string>());
        await using var rpc = await nodes.A.RpcAsync();
        await Peerd.EndToEnd.Tests.Lightning.NodeLightningInteropTests.WaitForPeerAsync(rpc, c.NodeId);
        var result = await rpc.ResultAsync("connect", new JsonArray(c.NodeId));
        Assert.Equal("in", result["direction"]!.GetValue<string>());
        Assert.NotEqual(c.Port, result["address"]!["port"]!.GetValue<int>());
        await rpc.ResultAsync("disconnect", new JsonArray(c.NodeId));
    }

    public static TheoryData<string, int, string> Failures => new()
    {
        { $"[\"{Unknown}\"]", 400, "Unable to connect, no address known for peer" },
        { "[\"ID@127.0.0.1:99999\"]", -32602, "malformed host @part" },
        { "[\"ID@127.0.0.1:0\"]", -32602, "malformed host @part" },
        { "[\"ID@[::1\"]", -32602, "malformed host @part" },
        { "{\"id\":\"ID\",\"host\":\"127.0.0.1\",\"port\":0}", -32602, "port: should be non-zero: invalid token (see logs for details)" },
        { "{\"id\":\"ID\",\"host\":\"127.0.0.1\",\"port\":\"abc\"}", -32602, "port: should be a 16-bit integer: invalid token (see logs for details)" },
        { "{\"id\":\"ID\",\"port\":9735}", -32602, "Can't specify port without host" },
        { "{\"id\":\"ID@127.0.0.1\",\"host\":\"127.0.0.1\"}", -32602, "Can't specify host as both xxx@yyy and separate argument" },
        { "{\"id\":\"ID@127.0.0.1:1\",\"port\":2}", -32602, "Can't specify port as both xxx@yyy:port and separate argument" },
        { "{\"id\":\"ID\",\"foo\":1}", -32602, "unknown parameter: foo, this may be caused by a failure to autodetect key=value-style parameters. Please try using the -k flag and explicit key=value pairs of parameters." },
        { "[\"ID\",\"127.0.0.1\",1,2]", -32602, "too many parameters: got 4, expected 3" },
        { "{}", -32602, "missing required parameter: id" },
        { "[\"02ab\"]", -32602, "id: should be a node id: invalid token (see logs for details)" },
        { "[\"zz\"]", -32602, "id: should be a node id: invalid token (see logs for details)" },
        { "[\"\"]", -32602, "id: should be a node id: invalid token (see logs for details)" },
        { "[12]", -32602, "id: should be a node id: invalid token (see logs for details)" },
        { "[\"048d7500dd4c12685d1f568b4c2b5048e8534b873319f3a8daa612b469132ec7f7\"]", -32602, "id: should be a node id: invalid token (see logs for details)" },
        { "[\"020000000000000000000000000000000000000000000000000000000000000000\"]", -32602, "id: should be a node id: invalid token (see logs for details)" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task BadRequestsGetTheReferenceErrors(string parameters, int code, string message)
    {
        await using var rpc = await nodes.A.RpcAsync();
        var response = await rpc.CallAsync("connect", JsonNode.Parse(parameters.Replace("ID", nodes.B.NodeId, StringComparison.Ordinal)));
        Assert.Equal(code, response["error"]!["code"]!.GetValue<int>());
        Assert.Equal(message, response["error"]!["message"]!.GetValue<string>());
        Assert.Null(response["error"]!["data"]);
    }

    [Fact]
    public async Task OurOwnIdIsRefusedBeforeDialling()
    {
        await using var rpc = await nodes.A.RpcAsync();
        var response = await rpc.CallAsync("connect", new JsonArray($"{nodes.A.NodeId}@127.0.0.1:{nodes.A.Port}"));
        Assert.Equal(-32602, response["error"]!["code"]!.GetValue<int>());
        Assert.Equal("id: cannot connect to our own node id", response["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task AClosedPortIsConnectionRefused()
    {
        var port = ClosedPort();
        await AssertFailsAsync($"{Unknown}@127.0.0.1:{port}", $"All addresses failed: 127.0.0.1:{port}: Connection establishment: Connection refused. ");
    }

    [Fact]
    public async Task WithoutAPortTheNetworksDefaultPortIsDialled()
    {
        // regtest's default is 19846; nothing listens there in the test.
        await AssertFailsAsync($"{Unknown}@127.0.0.1", "All addresses failed: 127.0.0.1:19846: Connection establishment: Connection refused. ");
    }

    [Fact]
    public async Task IPv6LiteralsAreDialledAndReportedInBrackets()
    {
        var port = ClosedPort();
        await AssertFailsAsync($"{Unknown}@[::1]:{port}", $"All addresses failed: [::1]:{port}: Connection establishment: Connection refused. ");
    }

    [Fact]
    public async Task IPv6ConnectionsReportTheAddressWithoutBrackets()
    {
        await using var c = await PeerdProcess.StartAsync(extraArguments: ["--bind-addr=[::1]:0"]);
        var info = await (await c.RpcAsync()).ResultAsync("getinfo");
        var v6 = info["binding"]!.AsArray().First(b => b!["type"]!.GetValue<string>() == "ipv6")!;
        var port = v6["port"]!.GetValue<int>();
        await using var rpc = await nodes.A.RpcAsync();
        var result = await rpc.ResultAsync("connect", new JsonArray($"{c.NodeId}@[::1]:{port}"));
        Assert.Equal($"{{\"type\":\"ipv6\",\"address\":\"::1\",\"port\":{port}}}", result["address"]!.ToJsonString());
        await rpc.ResultAsync("disconnect", new JsonArray(c.NodeId));
    }

    [Fact]
    public async Task LocalhostIsResolvedAndReportedAsIPv4()
    {
        await using var rpc = await nodes.A.RpcAsync();
        var result = await rpc.ResultAsync("connect", new JsonArray(nodes.B.NodeId, "localhost", nodes.B.Port));
        Assert.Equal($"{{\"type\":\"ipv4\",\"address\":\"127.0.0.1\",\"port\":{nodes.B.Port}}}", result["address"]!.ToJsonString());
        await rpc.ResultAsync("disconnect", new JsonArray(nodes.B.NodeId));
    }

    [Fact]
    public async Task TheRightAddressWithTheWrongIdIsAHandshakeFailure()
    {
        await AssertFailsAsync(
            $"{Unknown}@127.0.0.1:{nodes.B.Port}",
            $"All addresses failed: 127.0.0.1:{nodes.B.Port}: Cryptographic handshake: peer closed connection (wrong key?). ");
    }

    [Theory]
    [InlineData(FakeListener.Behaviour.ResetAfterData, "Cryptographic handshake: Connection reset by peer")]
    [InlineData(FakeListener.Behaviour.Garbage, "Cryptographic handshake: Protocol error")]
    [InlineData(FakeListener.Behaviour.Silent, "Cryptographic handshake: Connection timed out")]
    public async Task MisbehavingListenersGetTheReferenceReasons(FakeListener.Behaviour behaviour, string reason)
    {
        await using var listener = new FakeListener(behaviour);
        await AssertFailsAsync($"{Unknown}@127.0.0.1:{listener.Port}", $"All addresses failed: 127.0.0.1:{listener.Port}: {reason}. ");
    }

    [Fact]
    public async Task ATimeoutBoundsTheWaitAndNamesTheStage()
    {
        await using var listener = new FakeListener(FakeListener.Behaviour.Silent);
        await using var rpc = await nodes.A.RpcAsync();
        var response = await rpc.CallAsync("connect", new JsonObject { ["id"] = $"{Unknown}@127.0.0.1:{listener.Port}", ["timeout"] = 0.2 });
        Assert.Equal(401, response["error"]!["code"]!.GetValue<int>());
        Assert.Equal($"All addresses failed: 127.0.0.1:{listener.Port}: Cryptographic handshake: Connection timed out. ", response["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnAttemptInProgressIsListedAndDisconnectCancelsItWith402()
    {
        await using var listener = new FakeListener(FakeListener.Behaviour.Silent);
        var id = Hex.Encode(StaticKey.Generate().PublicKey);
        await using var rpc = await nodes.A.RpcAsync();
        await using var other = await nodes.A.RpcAsync();
        var pending = rpc.CallAsync("connect", new JsonArray($"{id}@127.0.0.1:{listener.Port}"));
        JsonObject entry;
        while (true)
        {
            var peers = (await other.ResultAsync("listpeers", new JsonArray(id)))["peers"]!.AsArray();
            if (peers.Count == 1 && peers[0]!["connecting"]!["stage"]!.GetValue<string>() == "Cryptographic handshake")
            {
                entry = peers[0]!.AsObject();
                break;
            }

            await Task.Delay(10);
        }

        Assert.False(entry["connected"]!.GetValue<bool>());
        Assert.Equal($"127.0.0.1:{listener.Port}", entry["connecting"]!["address"]!.GetValue<string>());
        Assert.Empty(await other.ResultAsync("disconnect", new JsonArray(id)));
        var response = await pending;
        Assert.Equal(402, response["error"]!["code"]!.GetValue<int>());
        Assert.Equal("disconnected during connection", response["error"]!["message"]!.GetValue<string>());
    }

    private async Task AssertFailsAsync(string id, string message)
    {
        await using var rpc = await nodes.A.RpcAsync();
        var response = await rpc.CallAsync("connect", new JsonArray(id));
        Assert.Equal(401, response["error"]!["code"]!.GetValue<int>());
        Assert.Equal(message, response["error"]!["message"]!.GetValue<string>());
    }

    private static int ClosedPort()
    {
        using var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp) { DualMode = true };
        socket.Bind(new IPEndPoint(IPAddress.IPv6Any, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
