using System.Text.Json.Nodes;
using Peerd.EndToEnd.Tests.Infrastructure;

namespace Peerd.EndToEnd.Tests.Rpc;

/// <summary>
/// Core Lightning's <c>lightning-cli</c> byte exchange replayed against a running daemon (the real binary is driven
/// by <see cref="LightningCliTests"/> where it is installed): <c>notifications</c> first into its 100-byte buffer, its
/// unquoted tokens (<c>127.0.0.1</c>), <c>-k</c>, notifications skipped before the answer, and the id it checks.
/// </summary>
public sealed class LightningCliExchangeTests(TwoNodesFixture nodes) : IClassFixture<TwoNodesFixture>
{
    [Fact]
    public async Task TheEnableAnswerFitsTheBufferAndEveryAnswerCarriesTheIdLightningCliChecks()
    {
        var cli = new LightningCliExchange(nodes.A.RpcPath);

        var call = await cli.CallAsync("getinfo", []);

        Assert.Equal($"{{\"jsonrpc\":\"2.0\",\"id\":\"cli:notifications#{cli.Pid}\",\"result\":{{}}}}\n\n", call.EnableAnswer);
        Assert.Equal($"cli:getinfo#{cli.Pid}", call.Response["id"]!.GetValue<string>());
        Assert.Equal(nodes.A.NodeId, call.Response["result"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ConnectWorksInAllThreeArgumentStylesIncludingABareDottedQuad()
    {
        var cli = new LightningCliExchange(nodes.A.RpcPath);
        var port = nodes.B.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var styles = new (string Name, string[] Arguments, bool Keywords)[]
        {
            ("id@host:port", [$"{nodes.B.NodeId}@127.0.0.1:{port}"], false),
            ("id host port", [nodes.B.NodeId, "127.0.0.1", port], false),
            ("-k", [$"id={nodes.B.NodeId}", "host=127.0.0.1", $"port={port}"], true),
        };

        foreach (var (name, arguments, keywords) in styles)
        {
            var call = await cli.CallAsync("connect", arguments, keywords);
            if (name != "id@host:port")
            {
                Assert.Contains(" 127.0.0.1,", call.Request, StringComparison.Ordinal); // unquoted, as lightning-cli sends it
            }

            Assert.True(call.Response["result"] is JsonObject, $"{name}: {call.Response.ToJsonString()}");
            Assert.Equal(nodes.B.NodeId, call.Response["result"]!["id"]!.GetValue<string>());
            Assert.Equal($"127.0.0.1:{port}", $"{call.Response["result"]!["address"]!["address"]}:{call.Response["result"]!["address"]!["port"]}");
            foreach (var notification in call.Notifications)
            {
                Assert.Equal("message", notification["method"]!.GetValue<string>());
                Assert.Equal($"cli:connect#{cli.Pid}", notification["params"]!["id"]!.GetValue<string>());
            }

            await DisconnectAsync(cli, nodes.B.NodeId);
        }
    }

    [Fact]
    public async Task AFreshConnectSendsItsStagesAsDebugMessagesBeforeTheAnswer()
    {
        var cli = new LightningCliExchange(nodes.A.RpcPath);
        var call = await cli.CallAsync("connect", [nodes.B.NodeId, "127.0.0.1", nodes.B.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.True(call.Response["result"] is JsonObject, call.Response.ToJsonString());
        var message = Assert.IsType<JsonObject>(call.Notifications.FirstOrDefault());
        Assert.Equal("debug", message["params"]!["level"]!.GetValue<string>());
        Assert.StartsWith($"Connecting to {nodes.B.NodeId} at 127.0.0.1:", message["params"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["id", "level", "message"], message["params"]!.AsObject().Select(p => p.Key));
        await DisconnectAsync(cli, nodes.B.NodeId);
    }

    [Fact]
    public async Task WithoutNotificationsNoneAreSent()
    {
        var cli = new LightningCliExchange(nodes.A.RpcPath);
        var call = await cli.CallAsync("connect", [nodes.B.NodeId, "127.0.0.1", nodes.B.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)], notifications: false);

        Assert.Null(call.EnableAnswer);
        Assert.Empty(call.Notifications);
        Assert.True(call.Response["result"] is JsonObject, call.Response.ToJsonString());
        await DisconnectAsync(cli, nodes.B.NodeId);
    }

    [Theory]
    [InlineData("help", new[] { "nosuch" }, -32601, "Unknown command nosuch")]
    [InlineData("nosuch", new string[0], -32601, "Unknown command 'nosuch'")]
    [InlineData("connect", new[] { "1.2.3.4" }, -32602, "id: should be a node id: invalid token (see logs for details)")]
    [InlineData("check", new[] { "connect", "abc" }, -32602, "id: should be a node id: invalid token '\"abc\"'")]
    [InlineData("listpeers", new[] { "x", "y" }, -32602, "id: should be a node id: invalid token (see logs for details)")]
    public async Task ErrorsComeBackWithCoreLightningsCodesAndTexts(string method, string[] arguments, int code, string message)
    {
        var call = await new LightningCliExchange(nodes.A.RpcPath).CallAsync(method, arguments);

        Assert.Equal(code, call.Response["error"]!["code"]!.GetValue<int>());
        Assert.Equal(message, call.Response["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task CheckValidatesWithoutConnecting()
    {
        var cli = new LightningCliExchange(nodes.A.RpcPath);
        await WaitForNoPeerAsync(cli);
        var call = await cli.CallAsync("check", ["connect", nodes.B.NodeId, "127.0.0.1", nodes.B.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.Equal("{\"command_to_check\":\"connect\"}", call.Response["result"]!.ToJsonString());
        var peers = (await cli.CallAsync("listpeers", [nodes.B.NodeId])).Response["result"]!["peers"]!.AsArray();
        Assert.Empty(peers);
    }

    /// <summary>Disconnects and waits until neither end lists the other, so the next test starts afresh.</summary>
    private async Task DisconnectAsync(LightningCliExchange cli, string peer)
    {
        await cli.CallAsync("disconnect", [peer, "true"]);
        await WaitForNoPeerAsync(new LightningCliExchange(nodes.A.RpcPath));
        await WaitForNoPeerAsync(new LightningCliExchange(nodes.B.RpcPath));
    }

    private static Task WaitForNoPeerAsync(LightningCliExchange cli) =>
        Eventually.TrueAsync(async () => (await cli.CallAsync("listpeers", [])).Response["result"]!["peers"]!.AsArray().Count == 0, "the peer leaving");
}
