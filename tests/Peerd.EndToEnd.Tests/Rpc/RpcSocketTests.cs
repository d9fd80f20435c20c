using System.Text.Json.Nodes;
using Peerd.Crypto;
using Peerd.EndToEnd.Tests.Infrastructure;
using Peerd.Primitives;

namespace Peerd.EndToEnd.Tests.Rpc;

/// <summary>The <c>lightning-rpc</c> socket of a running daemon: pipelining, ordering, bad input, file mode.</summary>
public sealed class RpcSocketTests(PeerdFixture fixture) : IClassFixture<PeerdFixture>
{
    [Fact]
    public async Task PipelinedRequestsAreAnsweredAsTheyCompleteAndAMalformedOneDoesNotStopTheOthers()
    {
        await using var listener = new FakeListener(FakeListener.Behaviour.Silent);
        var slowTarget = $"{Hex.Encode(StaticKey.Generate().PublicKey)}@127.0.0.1:{listener.Port}";
        await using var rpc = await fixture.Daemon.RpcAsync();
        await rpc.SendRawAsync(
            "{\"jsonrpc\":\"2.0\",\"id\":\"slow\",\"method\":\"connect\",\"params\":{\"id\":\"" + slowTarget + "\",\"timeout\":1}}" +
            "{\"jsonrpc\":\"2.0\",\"id\":\"bad\",\"method\":\"nosuch\",\"params\":[]}\n" +
            "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"getinfo\",\"params\":[]}");
        var first = await rpc.ReadResponseAsync();
        var second = await rpc.ReadResponseAsync();
        var third = await rpc.ReadResponseAsync();
        // The slow connect was sent first but completes last.
        Assert.Equal(["\"bad\"", "7"], new[] { first, second }.Select(r => r["id"]!.ToJsonString()).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("slow", third["id"]!.GetValue<string>());
        Assert.Equal(-32601, (first["id"]!.ToJsonString() == "\"bad\"" ? first : second)["error"]!["code"]!.GetValue<int>());
        Assert.Equal(401, third["error"]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task ResponsesAreCompactAndEndWithABlankLine()
    {
        await using var rpc = await fixture.Daemon.RpcAsync();
        await rpc.SendRawAsync("{\"jsonrpc\":\"2.0\",\"id\":\"cli:getinfo#1\",\"method\":\"getinfo\",\"params\":{}}");
        var raw = await rpc.ReadRawResponseAsync();
        Assert.StartsWith("{\"jsonrpc\":\"2.0\",\"id\":\"cli:getinfo#1\",\"result\":{\"id\":", raw, StringComparison.Ordinal);
        Assert.EndsWith("}}\n\n", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", raw[..^2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnparsableBytesGetAnErrorWithANullId()
    {
        await using var rpc = await fixture.Daemon.RpcAsync();
        await rpc.SendRawAsync("[]}");
        var response = await rpc.ReadResponseAsync();
        Assert.Equal(-32600, response["error"]!["code"]!.GetValue<int>());
        Assert.Null(response["id"]);
    }

    [Fact]
    public async Task AClientThatLeavesMidRequestDoesNotDisturbTheDaemon()
    {
        await using (var rpc = await fixture.Daemon.RpcAsync())
        {
            await rpc.SendRawAsync("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"getin");
        }

        await using (var rpc = await fixture.Daemon.RpcAsync())
        {
            await using var listener = new FakeListener(FakeListener.Behaviour.Silent);
            await rpc.SendRawAsync("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"connect\",\"params\":[\"" +
                $"{Hex.Encode(StaticKey.Generate().PublicKey)}@127.0.0.1:{listener.Port}" + "\"]}");
        }

        await using var after = await fixture.Daemon.RpcAsync();
        Assert.Equal(fixture.Daemon.NodeId, (await after.ResultAsync("getinfo"))["id"]!.GetValue<string>());
    }

    [Fact]
    public void TheSocketIsOwnerOnly()
    {
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(fixture.Daemon.RpcPath));
    }
}
