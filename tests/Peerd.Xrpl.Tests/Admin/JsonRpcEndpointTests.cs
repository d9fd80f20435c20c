using System.Text.Json.Nodes;
using Peerd.Xrpl.Tests.Support;

namespace Peerd.Xrpl.Tests.Admin;

public class JsonRpcEndpointTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private TestNode Node => fixture.Node;

    // Port 1 on loopback refuses at once: the background dial fails fast and harmlessly.
    private const string ConnectRequest = """{"method":"connect","params":[{"ip":"127.0.0.1","port":1}]}""";

    [Fact]
    public async Task ConnectAnswersConnectingInTheExactEnvelope()
    {
        var (status, body) = await Node.PostAsync(ConnectRequest);
        Assert.Equal(200, status);
        Assert.Equal("{\"result\":{\"message\":\"connecting\",\"status\":\"success\"}}\n\r\n", body);
    }

    [Fact]
    public async Task AMissingIpIsAnInvalidParamsErrorEchoingTheRequest()
    {
        var (status, body) = await Node.PostAsync("""{"method":"connect","params":[{}]}""");
        Assert.Equal(200, status);
        Assert.Equal(
            "{\"result\":{\"error\":\"invalidParams\",\"error_code\":31,\"error_message\":\"Missing field 'ip'.\",\"request\":{\"command\":\"connect\"},\"status\":\"error\"}}",
            body.TrimEnd());
    }

    [Theory]
    [InlineData("""{"ip":5}""", "Invalid field 'ip', not a string.")]
    [InlineData("""{"ip":"127.0.0.1","port":"51235"}""", "Invalid parameters.")]
    [InlineData("""{"ip":"127.0.0.1","port":[1]}""", "Invalid parameters.")]
    [InlineData("""{"ip":"127.0.0.1","port":{}}""", "Invalid parameters.")]
    [InlineData("""{"ip":"127.0.0.1","port":70000}""", "Invalid parameters.")]
    [InlineData("""{"ip":"127.0.0.1","port":1.5}""", "Invalid parameters.")]
    [InlineData("""{"ip":"1.2.3.4:abc"}""", "Invalid field 'ip'.")]
    [InlineData("""{"ip":"0.0.0.0"}""", "Invalid field 'ip'.")]
    [InlineData("""{"ip":"[::1"}""", "Invalid field 'ip'.")]
    [InlineData("""{"ip":""}""", "Invalid field 'ip'.")]
    [InlineData("""{"ip":"127.0.0.1","wait":"yes"}""", "Invalid field 'wait', not bool.")]
    public async Task ConnectRefusesBadParametersWithRippledsMessages(string parameters, string message)
    {
        var reply = JsonNode.Parse((await Node.PostAsync($$"""{"method":"connect","params":[{{parameters}}]}""")).Body)!["result"]!;
        Assert.Equal("invalidParams", (string?)reply["error"]);
        Assert.Equal(31, (int)reply["error_code"]!);
        Assert.Equal(message, (string?)reply["error_message"]);
        Assert.Equal("connect", (string?)reply["request"]!["command"]);
    }

    [Fact]
    public async Task IdJsonrpcAndRipplerpcAreCopiedToTheTopLevel()
    {
        var (_, body) = await Node.PostAsync("""{"method":"ping","params":[{"id":7,"jsonrpc":"2.0","ripplerpc":"1.0"}]}""");
        Assert.Equal("{\"id\":7,\"jsonrpc\":\"2.0\",\"result\":{\"role\":\"admin\",\"status\":\"success\"},\"ripplerpc\":\"1.0\"}", body.TrimEnd());
    }

    [Theory]
    [InlineData("not json", "Unable to parse request: ")]
    [InlineData("[1,2]", "Unable to parse request: \r\n")]
    [InlineData("{}", "Unable to parse request: \r\n")]
    [InlineData("""{"params":[{}]}""", "Null method\r\n")]
    [InlineData("""{"method":null}""", "Null method\r\n")]
    [InlineData("""{"method":1}""", "method is not string\r\n")]
    [InlineData("""{"method":""}""", "method is empty\r\n")]
    [InlineData("""{"method":"ping","params":"params"}""", "params unparsable\r\n")]
    [InlineData("""{"method":"ping","params":["not an object"]}""", "params unparsable\r\n")]
    [InlineData("""{"method":"ping","params":[{},{}]}""", "params unparsable\r\n")]
    [InlineData("""{"method":"ping","params":[]}""", "params unparsable\r\n")]
    [InlineData("""{"method":"ping","params":[{"api_version":"2"}]}""", "invalid_API_version\r\n")]
    [InlineData("""{"method":"ping","params":[{"api_version":3}]}""", "invalid_API_version\r\n")]
    [InlineData("""{"method":"ping","params":[{"ripplerpc":2}]}""", "ripplerpc is not a string\r\n")]
    public async Task MalformedRequestsGetRippledsPlainText400s(string request, string expected)
    {
        var (status, body) = await Node.PostAsync(request);
        Assert.Equal(400, status);
        if (expected.EndsWith("\r\n", StringComparison.Ordinal))
        {
            Assert.Equal(expected, body);
        }
        else
        {
            Assert.StartsWith(expected, body, StringComparison.Ordinal);
            Assert.EndsWith("\r\n", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NoParamsMeansNoParameters()
    {
        var (status, body) = await Node.PostAsync("""{"method":"ping"}""");
        Assert.Equal(200, status);
        Assert.Equal("{\"result\":{\"role\":\"admin\",\"status\":\"success\"}}", body.TrimEnd());
    }

    [Fact]
    public async Task AnUnknownMethodIsUnknownCmd()
    {
        var (_, body) = await Node.PostAsync("""{"method":"ledger_closed","params":[{}]}""");
        Assert.Equal(
            "{\"result\":{\"error\":\"unknownCmd\",\"error_code\":32,\"error_message\":\"Unknown method.\",\"request\":{\"command\":\"ledger_closed\"},\"status\":\"error\"}}",
            body.TrimEnd());
    }

    [Fact]
    public async Task PeersIsNullWithoutPeers()
    {
        var (_, body) = await Node.PostAsync("""{"method":"peers","params":[{}]}""");
        Assert.Equal("{\"result\":{\"cluster\":{},\"peers\":null,\"status\":\"success\"}}", body.TrimEnd());
    }

    [Fact]
    public async Task ServerInfoReportsTheNodeKeyAndPeers()
    {
        var info = (await Node.RpcAsync("server_info"))["result"]!["info"]!;
        Assert.Equal(Node.Node.PublicKey.ToBase58(), (string?)info["pubkey_node"]);
        Assert.Equal(0, (int)info["peers"]!);
        Assert.Equal(Peerd.Xrpl.Hosting.XrplNode.Version, (string?)info["build_version"]);
        Assert.Equal("disconnected", (string?)info["server_state"]);
        Assert.Equal("empty", (string?)info["complete_ledgers"]);
        Assert.Matches(@"^\d{4}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6} UTC$", (string?)info["time"]);
        Assert.Equal(2, info["ports"]!.AsArray().Count);
    }

    [Fact]
    public async Task ConnectionsListsAttemptsWithStageAndReason()
    {
        var result = (await Node.RpcAsync("connect", new JsonObject { ["ip"] = "127.0.0.1:1", ["wait"] = true }))["result"]!;
        Assert.Equal("connectFailed", (string?)result["error"]);
        Assert.Equal(1001, (int)result["error_code"]!);
        Assert.Equal("tcp", (string?)result["attempt"]!["stage"]);
        Assert.StartsWith("ConnectionRefused", (string?)result["attempt"]!["reason"], StringComparison.Ordinal);
        var id = (long)result["attempt"]!["id"]!;

        var attempts = (await Node.RpcAsync("connections"))["result"]!["connections"]!.AsArray();
        var attempt = attempts.Single(a => (long)a!["id"]! == id)!;
        Assert.Equal("outbound", (string?)attempt["direction"]);
        Assert.Equal("127.0.0.1:1", (string?)attempt["target"]);
        Assert.Equal("failed", (string?)attempt["outcome"]);
        Assert.NotNull(attempt["completed"]);
    }

    [Fact]
    public async Task PortWinsOverAPortInsideIp()
    {
        var result = (await Node.RpcAsync("connect", new JsonObject { ["ip"] = "127.0.0.1:9", ["port"] = 1, ["wait"] = true }))["result"]!;
        Assert.Equal("127.0.0.1:1", (string?)result["attempt"]!["target"]);
        result = (await Node.RpcAsync("connect", new JsonObject { ["ip"] = "[::1]:1", ["wait"] = true }))["result"]!;
        Assert.Equal("[::1]:1", (string?)result["attempt"]!["target"]);
    }

    [Fact]
    public async Task AnUnresolvableNameFailsVisiblyInsteadOfBeingIgnored()
    {
        var result = (await Node.RpcAsync("connect", new JsonObject { ["ip"] = "peer.invalid", ["port"] = 51235, ["wait"] = true }))["result"]!;
        Assert.Equal("connectFailed", (string?)result["error"]);
        Assert.Equal("tcp", (string?)result["attempt"]!["stage"]);
        Assert.StartsWith("Cannot resolve 'peer.invalid'", (string?)result["attempt"]!["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task APlainGetOfTheRootIsAHealthPage()
    {
        using var http = new HttpClient();
        var page = await http.GetStringAsync(Node.AdminUri);
        Assert.Contains("Test page for peerd", page, StringComparison.Ordinal);
    }
}
