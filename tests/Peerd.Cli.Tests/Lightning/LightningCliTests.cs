using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Peerd.Cli.Tests.Support;
using Peerd.ClnRpc;
using Peerd.ClnRpc.Dispatch;
using Peerd.ClnRpc.Hosting;

using Peerd.TestKit;

namespace Peerd.Cli.Tests.Lightning;

/// <summary><c>peerd-cli</c> against a real <see cref="UnixSocketRpcServer"/> on a temporary socket.</summary>
public sealed class LightningCliTests : IAsyncLifetime
{
    private const string NodeId = "03a5ddd33bfac4aa96cfd5c0c7a2bbe9f72a67c7c4cb8ba78b3b1d94b8e1ad85f8";
    private readonly TempDirectory _home = new();
    private readonly RpcDispatcher _dispatcher = new();
    private readonly List<string> _seenIds = [];
    private UnixSocketRpcServer _server = null!;

    public LightningCliTests()
    {
        _dispatcher.Register("getinfo", [], (call, _) =>
        {
            lock (_seenIds)
            {
                _seenIds.Add(call.IdJson);
            }

            return ValueTask.FromResult<RpcResult>(new JsonObject
            {
                ["id"] = NodeId,
                ["num_peers"] = 0,
                ["address"] = new JsonArray(),
                ["binding"] = new JsonArray(new JsonObject { ["type"] = "ipv4", ["address"] = "127.0.0.1", ["port"] = 9735 }),
                ["our_features"] = new JsonObject(),
            });
        });

        // Echoes what it was given, raw, so the tests see exactly how arguments were encoded.
        _dispatcher.Register("connect", [RpcParameter.Required("id"), RpcParameter.Optional("host"), RpcParameter.Optional("port")], (call, _) =>
        {
            var echo = new JsonObject();
            foreach (var argument in call.Parameters.Given)
            {
                echo[argument.Name] = argument.Value.GetRawText();
            }

            return ValueTask.FromResult<RpcResult>(echo);
        });
        _dispatcher.Register("disconnect", [RpcParameter.Required("id")], (call, _) =>
            ValueTask.FromResult<RpcResult>(RpcError.InvalidParams($"Unknown peer '{call.Parameters.Get("id")!.Value.GetString()}'")));
        _dispatcher.Register("stop", [], (_, _) => ValueTask.FromResult(RpcResult.Success(w => w.WriteStringValue("Shutdown complete"))));
        _dispatcher.Register("escaped", [], (_, _) => ValueTask.FromResult(RpcResult.Success(w => w.WriteRawValue("{\"text\":\"line\\nnext \\u0041\",\"n\":1.50}"))));
        _dispatcher.Register("help", [RpcParameter.Optional("command")], (call, _) =>
        {
            var help = new JsonArray();
            var only = call.Parameters.Get("command")?.GetString();
            foreach (var usage in new[] { "stop", "connect id [host] [port]", "getinfo" })
            {
                if (only is null || usage.StartsWith(only, StringComparison.Ordinal))
                {
                    help.Add(new JsonObject { ["command"] = usage });
                }
            }

            return ValueTask.FromResult<RpcResult>(new JsonObject { ["help"] = help, ["format-hint"] = "simple" });
        });
    }

    private string DefaultSocket => _home.Combine(".peerd", "bitcoin", "lightning-rpc");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DefaultSocket)!);
        _server = new UnixSocketRpcServer(DefaultSocket, _dispatcher);
        _server.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _home.Dispose();
    }

    [Fact]
    public void PrintsTheResultIndentedByThreeSpacesAndExitsZero()
    {
        var (exit, stdout, stderr) = Run("getinfo");

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.Equal(
            "{\n" +
            "   \"id\": \"03a5ddd33bfac4aa96cfd5c0c7a2bbe9f72a67c7c4cb8ba78b3b1d94b8e1ad85f8\",\n" +
            "   \"num_peers\": 0,\n" +
            "   \"address\": [],\n" +
            "   \"binding\": [\n" +
            "      {\n" +
            "         \"type\": \"ipv4\",\n" +
            "         \"address\": \"127.0.0.1\",\n" +
            "         \"port\": 9735\n" +
            "      }\n" +
            "   ],\n" +
            "   \"our_features\": {}\n" +
            "}\n",
            stdout);
    }

    [Fact]
    public void SendsTheCliIdWithMethodAndProcessId()
    {
        Run("getinfo");

        Assert.Equal($"\"cli:getinfo#{CliRun.ProcessId}\"", Assert.Single(_seenIds));
    }

    [Theory]
    [InlineData(new[] { "connect", NodeId, "127.0.0.1", "29736" }, "{\"id\":\"\\\"" + NodeId + "\\\"\",\"host\":\"\\\"127.0.0.1\\\"\",\"port\":\"29736\"}")]
    [InlineData(new[] { "connect", NodeId + "@127.0.0.1:29736" }, "{\"id\":\"\\\"" + NodeId + "@127.0.0.1:29736\\\"\"}")]
    [InlineData(new[] { "-k", "connect", "id=" + NodeId, "port=29736", "host=localhost" }, "{\"id\":\"\\\"" + NodeId + "\\\"\",\"port\":\"29736\",\"host\":\"\\\"localhost\\\"\"}")]
    [InlineData(new[] { "connect", "id=" + NodeId, "port=\"29736\"" }, "{\"id\":\"\\\"" + NodeId + "\\\"\",\"port\":\"\\\"29736\\\"\"}")]
    [InlineData(new[] { "connect", NodeId, "null", "7" }, "{\"id\":\"\\\"" + NodeId + "\\\"\",\"port\":\"7\"}")]
    public void MapsArgumentsToParametersLikeLightningCli(string[] args, string given)
    {
        var (exit, stdout, _) = Run(["-R", .. args]);

        Assert.Equal(0, exit);
        Assert.Equal(given + "\n", stdout);
    }

    [Fact]
    public void PrintsAnErrorObjectOnStdoutAndExitsOne()
    {
        var (exit, stdout, stderr) = Run("disconnect", "02ab");

        Assert.Equal(1, exit);
        Assert.Equal("", stderr);
        Assert.Equal("{\n   \"code\": -32602,\n   \"message\": \"Unknown peer '02ab'\"\n}\n", stdout);
    }

    [Fact]
    public void PrintsProtocolErrorsTheSameWay()
    {
        var (exit, stdout, _) = Run("connect", "a", "b", "c", "d");

        Assert.Equal(1, exit);
        Assert.Equal("{\n   \"code\": -32602,\n   \"message\": \"too many parameters: got 4, expected 3\"\n}\n", stdout);
    }

    [Fact]
    public void PrintsAStringResultAsAJsonString()
    {
        Assert.Equal((0, "\"Shutdown complete\"\n", ""), Run("stop"));
    }

    [Fact]
    public void PrintsTokensExactlyAsReceived()
    {
        var (_, stdout, _) = Run("escaped");

        Assert.Equal("{\n   \"text\": \"line\\nnext \\u0041\",\n   \"n\": 1.50\n}\n", stdout);
    }

    [Fact]
    public void PrintsHumanAndFlatForms()
    {
        Assert.Equal("text=line\nnext u0041\nn=1.50\n", Run("-H", "escaped").Stdout);
        Assert.Equal("text=line\\nnext \\u0041\nn=1.50\n", Run("-F", "escaped").Stdout);
    }

    [Fact]
    public void ListsCommandsSortedForHelpWithoutArguments()
    {
        var (exit, stdout, _) = Run("help");

        Assert.Equal(0, exit);
        Assert.Equal(
            "connect id [host] [port]\n\ngetinfo\n\nstop\n\n---\nrun `peerd-cli help <command>` for more information on a specific command\n",
            stdout);
    }

    [Fact]
    public void PrintsHelpForOneCommandInHumanFormBecauseOfTheFormatHint()
    {
        Assert.Equal((0, "connect id [host] [port]\n", ""), Run("help", "connect"));
    }

    [Fact]
    public void KeepsTheFormatHintInExplicitJsonOutput()
    {
        var (_, stdout, _) = Run("-J", "help", "stop");

        Assert.Equal("{\n   \"help\": [\n      {\n         \"command\": \"stop\"\n      }\n   ],\n   \"format-hint\": \"simple\"\n}\n", stdout);
    }

    [Theory]
    [InlineData("-l")]
    [InlineData("--filter")]
    public void SendsTheReplyFilterAndPrintsTheFilteredResult(string option)
    {
        Assert.Equal((0, $"{{\n   \"id\": \"{NodeId}\"\n}}\n", ""), Run(option, "{\"id\":true}", "getinfo"));
    }

    [Fact]
    public void FiltersEachElementOfAnArrayLikeLightningCliHelp()
    {
        // tests/test_misc.py: lightning-cli -J --filter={"help":[{"command":true}]} help help
        Assert.Equal(
            (0, "{\n   \"help\": [\n      {\n         \"command\": \"stop\"\n      }\n   ]\n}\n", ""),
            Run("-J", "--filter={\"help\":[{\"command\":true}]}", "help", "stop"));
    }

    [Fact]
    public void PrintsTheDaemonsErrorForAFilterThatIsNotAnObjectAndExitsOne()
    {
        // tests/test_misc.py test_filter_with_invalid_json: "filter: Expected object: invalid token", exit 1.
        Assert.Equal(
            (1, "{\n   \"code\": -32602,\n   \"message\": \"filter: Expected object: invalid token (see logs for details)\"\n}\n", ""),
            Run("-l", "1", "getinfo"));
    }

    [Fact]
    public void ExitsThreeWithoutCallingForAFilterThatIsNotJson()
    {
        var (exit, stdout, stderr) = Run("-l", "{\"id\":", "getinfo");

        Assert.Equal(3, exit);
        Assert.Equal("", stdout);
        Assert.Equal(
            $"peerd-cli: Some parameters are malformed, cannot create a valid JSON-RPC request: {{\"jsonrpc\":\"2.0\",\"method\":\"getinfo\",\"id\":\"cli:getinfo#{CliRun.ProcessId}\",\"filter\":{{\"id\":,\"params\":[]}}\n",
            stderr);
        Assert.Empty(_seenIds);
    }

    [Fact]
    public void PrintsUsageThenTheCommandListWhenNoCommandIsGiven()
    {
        var (exit, stdout, _) = Run();

        Assert.Equal(0, exit);
        Assert.StartsWith("Usage: peerd-cli", stdout);
        Assert.Contains("Querying the daemon for available RPC commands (\"peerd-cli help\"):\n\nconnect id [host] [port]\n", stdout);
    }

    [Fact]
    public void ExitsThreeForAKeywordWithoutValue()
    {
        var (exit, stdout, stderr) = Run("-k", "connect", "id=1", "9735");

        Assert.Equal(3, exit);
        Assert.Equal("", stdout);
        Assert.Equal("peerd-cli: Expected key=value in '9735'\n", stderr);
    }

    [Fact]
    public void ExitsThreeForParametersThatCannotFormARequest()
    {
        var (exit, _, stderr) = Run("connect", NodeId, "[::1]", "9735");

        Assert.Equal(3, exit);
        Assert.StartsWith("peerd-cli: Some parameters are malformed, cannot create a valid JSON-RPC request: {", stderr);
    }

    [Fact]
    public void ExitsTwoNamingTheSocketWhenNoDaemonListens()
    {
        var missing = _home.Combine("nowhere", "lightning-rpc");

        var (exit, stdout, stderr) = Run("--rpc-file", missing, "getinfo");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Equal($"peerd-cli: Connecting to '{missing}': No such file or directory\n", stderr);
    }

    [Fact]
    public void FindsTheSocketFromLightningDirAndNetwork()
    {
        Assert.Equal(0, Run("--lightning-dir", _home.Combine(".peerd"), "getinfo").Exit);
        Assert.Equal(2, Run("--lightning-dir", _home.Combine(".peerd"), "--regtest", "getinfo").Exit);
    }

    [Fact]
    public async Task TakesTheNetworkFromTheConfigFile()
    {
        var dir = _home.Combine("cfg");
        Directory.CreateDirectory(Path.Combine(dir, "regtest"));
        File.WriteAllText(Path.Combine(dir, "config"), "# test\nnetwork=regtest\nalias=x\n");
        await using var server = new UnixSocketRpcServer(Path.Combine(dir, "regtest", "lightning-rpc"), _dispatcher);
        server.Start();

        Assert.Equal(0, Run("--lightning-dir", dir, "getinfo").Exit);
        Assert.Equal(2, Run("--lightning-dir", dir, "--network=bitcoin", "getinfo").Exit);
    }

    [Fact]
    public async Task ExitsTwoWhenTheReplyIdDoesNotMatch()
    {
        using var rogue = new RogueServer(_home.Combine("rogue"), "{\"jsonrpc\":\"2.0\",\"id\":\"cli:getinfo#1\",\"result\":{}}\n\n");

        var (exit, stdout, stderr) = Run("--rpc-file", rogue.Path, "getinfo");
        await rogue.Served;

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Equal("peerd-cli: Incorrect 'id' (\"cli:getinfo#1\") in response: {\"jsonrpc\":\"2.0\",\"id\":\"cli:getinfo#1\",\"result\":{}}\n", stderr);
    }

    [Fact]
    public async Task ExitsTwoWhenTheDaemonClosesWithoutAnswering()
    {
        using var rogue = new RogueServer(_home.Combine("rogue"), "");

        var (exit, _, stderr) = Run("--rpc-file", rogue.Path, "getinfo");
        await rogue.Served;

        Assert.Equal(2, exit);
        Assert.Equal("peerd-cli: reading response: socket closed\n", stderr);
    }

    [Fact]
    public async Task SkipsNotificationsBeforeTheResponse()
    {
        var id = $"cli:getinfo#{CliRun.ProcessId}";
        using var rogue = new RogueServer(
            _home.Combine("rogue"),
            "{\"jsonrpc\":\"2.0\",\"method\":\"message\",\"params\":{\"level\":\"info\",\"message\":\"hi\"}}\n\n" +
            $"{{\"jsonrpc\":\"2.0\",\"id\":\"{id}\",\"result\":{{\"ok\":true}}}}\n\n");

        var (exit, stdout, _) = Run("--rpc-file", rogue.Path, "getinfo");
        await rogue.Served;

        Assert.Equal(0, exit);
        Assert.Equal("{\n   \"ok\": true\n}\n", stdout);
    }

    [Fact]
    public void PrintsUsageForHelpOption()
    {
        var (exit, stdout, _) = Run("--help");

        Assert.Equal(0, exit);
        Assert.StartsWith("Usage: peerd-cli", stdout);
    }

    [Fact]
    public void ExitsThreeForAnUnknownOption()
    {
        Assert.Equal((3, "", "peerd-cli: --frobnicate: unrecognized option\n"), Run("--frobnicate", "getinfo"));
    }

    private (int Exit, string Stdout, string Stderr) Run(params string[] args) => CliRun.Run(_home.Path, args);

    /// <summary>A one-shot Unix-socket server that reads a request and writes a canned reply, then closes.</summary>
    private sealed class RogueServer : IDisposable
    {
        private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);

        public RogueServer(string path, string reply)
        {
            Path = path;
            _listener.Bind(new UnixDomainSocketEndPoint(path));
            _listener.Listen(1);
            Served = Task.Run(async () =>
            {
                using var client = await _listener.AcceptAsync();
                var buffer = new byte[4096];
                var received = 0;
                while (!Encoding.UTF8.GetString(buffer, 0, received).EndsWith('}'))
                {
                    received += await client.ReceiveAsync(buffer.AsMemory(received), SocketFlags.None);
                }

                await client.SendAsync(Encoding.UTF8.GetBytes(reply), SocketFlags.None);
                client.Shutdown(SocketShutdown.Both);
            });
        }

        public string Path { get; }

        public Task Served { get; }

        public void Dispose() => _listener.Dispose();
    }
}
