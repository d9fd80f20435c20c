using System.Text;
using System.Text.Json.Nodes;
using Peerd.ClnRpc.Dispatch;

namespace Peerd.ClnRpc.Tests.Dispatch;

public class RpcDispatcherTests
{
    private readonly List<(string Method, Exception Error)> _thrown = [];
    private readonly RpcDispatcher _dispatcher;

    public RpcDispatcherTests()
    {
        _dispatcher = new RpcDispatcher((m, e) => _thrown.Add((m, e)));
        _dispatcher.Register("echo", [RpcParameter.Required("value"), RpcParameter.Optional("extra")], (call, _) =>
            ValueTask.FromResult<RpcResult>(new JsonObject { ["value"] = JsonNode.Parse(call.Parameters.Get("value")!.Value.GetRawText()) }));
        _dispatcher.Register("getinfo", [], (_, _) => ValueTask.FromResult<RpcResult>(new JsonObject { ["id"] = "02ab" }));
        _dispatcher.Register("fail", [], (_, _) => ValueTask.FromResult<RpcResult>(new RpcError(400, "Unable to connect, no address known for peer")));
        _dispatcher.Register("throw", [], (_, _) => throw new InvalidOperationException("kaput"));
        _dispatcher.Register("throwasync", [], async (_, _) =>
        {
            await Task.Yield();
            throw new InvalidOperationException("later");
        });
        _dispatcher.Register("own", [RpcParameter.Required("id")], (call, _) =>
            ValueTask.FromResult<RpcResult>(new JsonObject { ["saw"] = call.Parameters.BindingError?.Message ?? "ok" }),
            RpcParameterChecking.ByMethod);
    }

    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"nosuch\",\"params\":[]}", "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32601,\"message\":\"Unknown command 'nosuch'\"}}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"get\\u0069nfo\",\"params\":[]}", "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32601,\"message\":\"Unknown command 'get\\\\u0069nfo'\"}}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"getinfo\",\"params\":3}", "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"Expected array or object for params\"}}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"nosuch\",\"params\":3}", "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32601,\"message\":\"Unknown command 'nosuch'\"}}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"getinfo\",\"params\":[1]}", "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"too many parameters: got 1, expected 0\"}}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"echo\",\"params\":{}}", "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"error\":{\"code\":-32602,\"message\":\"missing required parameter: value\"}}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"echo\",\"params\":{\"value\":1,\"value\":2}}", "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"error\":{\"code\":-32602,\"message\":\"duplicate json names: value\"}}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"fail\",\"params\":[]}", "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"error\":{\"code\":400,\"message\":\"Unable to connect, no address known for peer\"}}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"echo\",\"params\":[[1,{\"a\":\"b\"}]]}", "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"value\":[1,{\"a\":\"b\"}]}}")]
    [InlineData("{\"params\":[],\"method\":\"getinfo\",\"id\":\"cli:getinfo#1\",\"jsonrpc\":\"2.0\"}", "{\"jsonrpc\":\"2.0\",\"id\":\"cli:getinfo#1\",\"result\":{\"id\":\"02ab\"}}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"own\",\"params\":{\"zz\":1}}", "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"saw\":\"unknown parameter: zz, this may be caused by a failure to autodetect key=value-style parameters. Please try using the -k flag and explicit key=value pairs of parameters.\"}}")]
    public async Task AnswersLikeCoreLightning(string request, string response)
    {
        Assert.Equal(response + "\n\n", await Handle(request));
    }

    [Theory]
    [InlineData("throw", "kaput")]
    [InlineData("throwasync", "later")]
    public async Task TurnsAMethodExceptionIntoAMinusOneErrorAndReportsIt(string method, string text)
    {
        var response = await Handle($"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"{method}\",\"params\":[]}}");

        Assert.Equal($"{{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{{\"code\":-1,\"message\":\"Internal error in {method}: {text}\"}}}}\n\n", response);
        Assert.Equal(method, Assert.Single(_thrown).Method);
    }

    [Fact]
    public async Task TurnsCancellationAtShutdownIntoAMinusOneError()
    {
        var dispatcher = new RpcDispatcher();
        dispatcher.Register("wait", [], async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return RpcResult.Success((JsonNode?)null);
        });
        using var cts = new CancellationTokenSource();
        var pending = dispatcher.HandleAsync("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"wait\",\"params\":[]}"u8.ToArray(), cts.Token);

        await cts.CancelAsync();

        Assert.Equal(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-1,\"message\":\"wait: cancelled, the server is stopping\"}}\n\n",
            Encoding.UTF8.GetString(await pending));
    }

    [Fact]
    public void RefusesASecondMethodOfTheSameName()
    {
        Assert.Throws<ArgumentException>(() => _dispatcher.Register("getinfo", [], (_, _) => default));
    }

    [Fact]
    public void RefusesARequiredParameterAfterAnOptionalOne()
    {
        Assert.Throws<ArgumentException>(() =>
            _dispatcher.Register("bad", [RpcParameter.Optional("a"), RpcParameter.Required("b")], (_, _) => default));
    }

    [Fact]
    public void FormatsUsageLikeCoreLightningsHelp()
    {
        Assert.True(_dispatcher.TryGetMethod("echo", out var echo));
        Assert.True(_dispatcher.TryGetMethod("getinfo", out var getinfo));

        Assert.Equal("echo value [extra]", RpcMethod.Usage(echo));
        Assert.Equal("getinfo", RpcMethod.Usage(getinfo));
    }

    [Fact]
    public void AsksToCloseAfterARequestWithoutJsonRpc()
    {
        var prepared = _dispatcher.Prepare(new System.Buffers.ReadOnlySequence<byte>("{\"id\":1,\"method\":\"getinfo\",\"params\":[]}"u8.ToArray()));

        Assert.True(prepared.CloseConnection);
        Assert.Null(prepared.Call);
        Assert.Equal(
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"JSON-RPC message does not contain \\\"jsonrpc\\\" field: '{\\\"id\\\":1,\\\"method\\\":\\\"getinfo\\\",\\\"params\\\":[]}'\"}}\n\n",
            Encoding.UTF8.GetString(prepared.ImmediateResponse!));
    }

    private async Task<string> Handle(string request) =>
        Encoding.UTF8.GetString(await _dispatcher.HandleAsync(Encoding.UTF8.GetBytes(request)));
}
