using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Peerd.ClnRpc.Dispatch;
using Peerd.ClnRpc.Hosting;
using Peerd.ClnRpc.Tests.Support;

using Peerd.TestKit;

namespace Peerd.ClnRpc.Tests.Hosting;

public sealed class UnixSocketRpcServerTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _slowStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _slowFinished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly RpcDispatcher _dispatcher = new();
    private UnixSocketRpcServer _server = null!;

    public UnixSocketRpcServerTests()
    {
        _dispatcher.Register("echo", [RpcParameter.Required("value")], (call, _) =>
            ValueTask.FromResult<RpcResult>(new JsonObject { ["value"] = call.Parameters.Get("value")!.Value.GetRawText() }));
        _dispatcher.Register("slow", [], async (_, _) =>
        {
            _slowStarted.TrySetResult();
            await _gate.Task;
            _slowFinished.TrySetResult();
            return new JsonObject { ["slow"] = true };
        });
    }

    private string SocketPath => _dir.File("lightning-rpc");

    [Fact]
    public async Task AStopMethodCanShutTheServerDownOnceItsAnswerIsWritten()
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _dispatcher.Register("stop", [], (call, _) =>
        {
            var written = call.ResponseWritten;
            var shutdown = Task.Run(async () =>
            {
                await written;
                await _server.DisposeAsync();
                stopped.SetResult();
            });
            Assert.False(shutdown.IsCompleted);
            return ValueTask.FromResult(RpcResult.Success(w => w.WriteStringValue("Shutdown complete")));
        });
        using var client = new RawRpcClient(SocketPath);

        client.Send(Request(1, "stop", "[]"));

        Assert.Equal("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"Shutdown complete\"}", await client.ReadResponseAsync());
        await stopped.Task;
        Assert.True(await client.IsClosedByServerAsync());
        Assert.False(File.Exists(SocketPath));
    }

    public Task InitializeAsync()
    {
        _server = Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _gate.TrySetResult();
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task AnswersPipelinedRequestsWrittenBackToBackInOneWrite()
    {
        using var client = new RawRpcClient(SocketPath);

        client.Send(Request(1, "echo", "[\"a\"]") + Request(2, "echo", "[\"b\"]") + "\n" + Request(3, "echo", "{\"value\":3}"));

        var responses = new[] { await client.ReadJsonAsync(), await client.ReadJsonAsync(), await client.ReadJsonAsync() };
        var byId = responses.ToDictionary(r => r.GetProperty("id").GetInt32(), r => r.GetProperty("result").GetProperty("value").GetString());
        Assert.Equal(new Dictionary<int, string?> { [1] = "\"a\"", [2] = "\"b\"", [3] = "3" }, byId);
    }

    [Fact]
    public async Task AnswersARequestArrivingOneByteAtATime()
    {
        using var client = new RawRpcClient(SocketPath);

        foreach (var b in Encoding.UTF8.GetBytes(Request("\"x\"", "echo", "[[1,2]]")))
        {
            client.Send([b]);
        }

        Assert.Equal("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"result\":{\"value\":\"[1,2]\"}}", await client.ReadResponseAsync());
    }

    [Fact]
    public async Task ASlowMethodDoesNotHoldUpALaterFastOne()
    {
        using var client = new RawRpcClient(SocketPath);

        client.Send(Request(1, "slow", "[]") + Request(2, "echo", "[0]"));

        Assert.Equal(2, (await client.ReadJsonAsync()).GetProperty("id").GetInt32());
        _gate.SetResult();
        var slow = await client.ReadJsonAsync();
        Assert.Equal(1, slow.GetProperty("id").GetInt32());
        Assert.True(slow.GetProperty("result").GetProperty("slow").GetBoolean());
    }

    [Fact]
    public async Task AnswersGoodRequestsAroundRefusedOnes()
    {
        using var client = new RawRpcClient(SocketPath);

        client.Send(
            Request(1, "echo", "[1]") +
            "[]" +
            Request(2, "nosuch", "[]") +
            "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[]}" +
            Request(3, "echo", "[1,2]") +
            Request(4, "echo", "[4]"));

        var responses = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            responses.Add((await client.ReadResponseAsync())!);
        }

        Assert.Contains("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"value\":\"1\"}}", responses);
        Assert.Contains("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Expected {} for json command\"}}", responses);
        Assert.Contains("{\"jsonrpc\":\"2.0\",\"id\":2,\"error\":{\"code\":-32601,\"message\":\"Unknown command 'nosuch'\"}}", responses);
        Assert.Contains("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"No id\"}}", responses);
        Assert.Contains("{\"jsonrpc\":\"2.0\",\"id\":3,\"error\":{\"code\":-32602,\"message\":\"too many parameters: got 2, expected 1\"}}", responses);
        Assert.Contains("{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":{\"value\":\"4\"}}", responses);
    }

    [Fact]
    public async Task AnswersUnparseableBytesThenClosesLikeCoreLightningsMalformedTest()
    {
        using var client = new RawRpcClient(SocketPath);

        client.Send(Request(1, "echo", "[1]") + "[]}");

        var responses = new List<string?> { await client.ReadResponseAsync(), await client.ReadResponseAsync(), await client.ReadResponseAsync() };
        Assert.True(responses.Remove("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"value\":\"1\"}}"));
        Assert.Equal(
            [
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Expected {} for json command\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Failed to parse RPC JSON response '}'\"}}",
            ],
            responses);
        Assert.True(await client.IsClosedByServerAsync());
    }

    [Fact]
    public async Task ClosesAfterARequestWithoutJsonRpcAsCoreLightningDoes()
    {
        using var client = new RawRpcClient(SocketPath);

        client.Send("{\"id\":1,\"method\":\"echo\",\"params\":[1]}" + Request(2, "echo", "[2]"));

        Assert.Equal(
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"JSON-RPC message does not contain \\\"jsonrpc\\\" field: '{\\\"id\\\":1,\\\"method\\\":\\\"echo\\\",\\\"params\\\":[1]}'\"}}",
            await client.ReadResponseAsync());
        Assert.True(await client.IsClosedByServerAsync());
    }

    [Fact]
    public async Task AppliesARequestsFilterToItsResultOnly()
    {
        using var client = new RawRpcClient(SocketPath);

        client.Send(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"filter\":{\"nosuch\":true},\"params\":[1]}"
            + Request(2, "echo", "[2]")
            + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"echo\",\"filter\":{\"value\":false},\"params\":[3]}");

        Assert.Equal("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}", await client.ReadResponseAsync());
        Assert.Equal("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"value\":\"2\"}}", await client.ReadResponseAsync());
        Assert.Equal(
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"error\":{\"code\":-32602,\"message\":\"filter: value must be true: invalid token (see logs for details)\"}}",
            await client.ReadResponseAsync());
    }

    [Fact]
    public async Task StillAnswersAfterTheClientHalfClosesItsSide()
    {
        using var client = new RawRpcClient(SocketPath);

        client.Send(Request(1, "slow", "[]"));
        client.Socket.Shutdown(SocketShutdown.Send);
        _gate.SetResult();

        Assert.Equal(1, (await client.ReadJsonAsync()).GetProperty("id").GetInt32());
        Assert.True(await client.IsClosedByServerAsync());
    }

    [Fact]
    public async Task AClientLeavingMidRequestDoesNotDisturbTheServer()
    {
        using (var leaver = new RawRpcClient(SocketPath))
        {
            leaver.Send(Request(1, "slow", "[]") + "{\"jsonrpc\":\"2.0\",\"id\":2,\"meth");
        }

        _gate.SetResult();
        await _slowFinished.Task; // the started request still ran to completion

        using var next = new RawRpcClient(SocketPath);
        next.Send(Request(3, "echo", "[3]"));
        Assert.Equal("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{\"value\":\"3\"}}", await next.ReadResponseAsync());
    }

    [Fact]
    public async Task AnswersAnOversizedRequestWithAnErrorAndCloses()
    {
        await using var server = Start("small-rpc", new UnixSocketRpcServerOptions { MaxRequestBytes = 1024 });
        using var client = new RawRpcClient(server.SocketPath);

        client.Send(Request(1, "echo", "[\"" + new string('x', 2000) + "\"]"));

        Assert.Equal(
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Request exceeds 1024 bytes\"}}",
            await client.ReadResponseAsync());
        Assert.True(await client.IsClosedByServerAsync());

        using var next = new RawRpcClient(server.SocketPath);
        next.Send(Request(2, "echo", "[2]"));
        Assert.Equal("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"value\":\"2\"}}", await next.ReadResponseAsync());
    }

    [Fact]
    public async Task ProcessesOneRequestAtATimeWhenTheInFlightBoundIsOne()
    {
        await using var server = Start("serial-rpc", new UnixSocketRpcServerOptions { MaxInFlightPerClient = 1 });
        using var client = new RawRpcClient(server.SocketPath);

        client.Send(Request(1, "slow", "[]") + Request(2, "echo", "[2]"));
        _gate.SetResult();

        Assert.Equal(1, (await client.ReadJsonAsync()).GetProperty("id").GetInt32());
        Assert.Equal(2, (await client.ReadJsonAsync()).GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task ServesAWaitingClientOnceTheOnlySlotIsFree()
    {
        await using var server = Start("one-rpc", new UnixSocketRpcServerOptions { MaxClients = 1 });
        using var first = new RawRpcClient(server.SocketPath);
        first.Send(Request(1, "echo", "[1]"));
        await first.ReadResponseAsync();

        using var second = new RawRpcClient(server.SocketPath);
        second.Send(Request(2, "echo", "[2]"));
        first.Dispose();

        Assert.Equal("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"value\":\"2\"}}", await second.ReadResponseAsync());
        Assert.Equal(1, server.ClientCount);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void CreatesTheSocketFileWithMode0600()
    {
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(SocketPath));
    }

    [Fact]
    public async Task ReplacesAStaleSocketFileLeftByAnEarlierRun()
    {
        var path = _dir.File("stale-rpc");
        StaleSocket.Create(path);

        Assert.True(File.Exists(path));
        await using var server = Start("stale-rpc");
        using var client = new RawRpcClient(path);
        client.Send(Request(1, "echo", "[1]"));
        Assert.NotNull(await client.ReadResponseAsync());
    }

    [Fact]
    public async Task RefusesToStartWhereAnotherServerListens()
    {
        var second = new UnixSocketRpcServer(SocketPath, _dispatcher);

        var error = Assert.Throws<IOException>(second.Start);

        Assert.Contains("already listening", error.Message);
        await second.DisposeAsync();
        Assert.True(File.Exists(SocketPath));
    }

    [Fact]
    public void RefusesToReplaceARegularFile()
    {
        var path = _dir.File("not-a-socket");
        File.WriteAllText(path, "precious");

        Assert.Throws<IOException>(() => new UnixSocketRpcServer(path, _dispatcher).Start());
        Assert.Equal("precious", File.ReadAllText(path));
    }

    [Fact]
    public async Task DisposingClosesClientsAndRemovesTheSocketFile()
    {
        var server = Start("gone-rpc");
        using var client = new RawRpcClient(server.SocketPath);
        client.Send(Request(1, "slow", "[]"));
        await _slowStarted.Task; // the request was read: closing now is an orderly end of stream

        await server.DisposeAsync();

        Assert.False(File.Exists(server.SocketPath));
        Assert.True(await client.IsClosedByServerAsync());
    }

    [Fact]
    public async Task AStreamedResponseArrivesWholeAndThePipelinedRequestAfterItIsAnsweredAfterIt()
    {
        const int count = 20_000; // ~700 KB: many pieces
        _dispatcher.Register("many", [], (_, _) =>
        {
            int next = 0;
            return ValueTask.FromResult(RpcResult.StreamedArray("items", w =>
            {
                for (int end = Math.Min(count, next + 64); next < end; next++)
                {
                    w.WriteStartObject();
                    w.WriteNumber("n", next);
                    w.WriteString("text", "some text to make the item longer");
                    w.WriteEndObject();
                }

                return next < count;
            }));
        });
        using var client = new RawRpcClient(SocketPath);

        client.Send(Request(1, "many", "[]") + Request(2, "echo", "[\"after\"]"));

        var first = JsonDocument.Parse((await client.ReadResponseAsync())!);
        Assert.Equal(1, first.RootElement.GetProperty("id").GetInt32());
        var items = first.RootElement.GetProperty("result").GetProperty("items");
        Assert.Equal(count, items.GetArrayLength());
        Assert.Equal(count - 1, items[count - 1].GetProperty("n").GetInt32());
        Assert.Equal("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"value\":\"\\\"after\\\"\"}}", await client.ReadResponseAsync());
    }

    [Fact]
    public async Task AStreamedResponseThatBreaksHalfwayEndsTheConnection()
    {
        _dispatcher.Register("breaks", [], (_, _) =>
        {
            int calls = 0;
            return ValueTask.FromResult(RpcResult.StreamedArray("items", w =>
            {
                if (++calls > 50)
                {
                    throw new InvalidOperationException("the source went away");
                }

                for (int i = 0; i < 100; i++)
                {
                    w.WriteStringValue("an item of some length, long enough to fill a piece quickly");
                }

                return true;
            }));
        });
        using var client = new RawRpcClient(SocketPath);

        client.Send(Request(1, "breaks", "[]"));

        await Assert.ThrowsAsync<InvalidDataException>(client.ReadResponseAsync);
    }

    private UnixSocketRpcServer Start(string name = "lightning-rpc", UnixSocketRpcServerOptions? options = null)
    {
        var server = new UnixSocketRpcServer(_dir.File(name), _dispatcher, options);
        server.Start();
        return server;
    }

    private static string Request(object id, string method, string parameters) =>
        $"{{\"jsonrpc\":\"2.0\",\"id\":{(id is string s ? s : JsonSerializer.Serialize(id))},\"method\":\"{method}\",\"params\":{parameters}}}";
}
