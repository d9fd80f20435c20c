using System.Text.Json.Nodes;
using Peerd.ClnRpc.Dispatch;
using Peerd.ClnRpc.Hosting;
using Peerd.ClnRpc.Methods;
using Peerd.ClnRpc.Tests.Support;
using Peerd.TestKit;

namespace Peerd.ClnRpc.Tests.Methods;

/// <summary>
/// <c>notifications</c> over a real socket: the answer lightning-cli reads into 100 bytes, and the notifications a
/// command then sends (Core Lightning's <c>message</c> and <c>progress</c> shapes) only to a connection that asked.
/// </summary>
public sealed class NotificationsMethodTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly RpcDispatcher _dispatcher = new();
    private UnixSocketRpcServer _server = null!;

    public NotificationsMethodTests()
    {
        _dispatcher.Register(NotificationsMethod.Create());
        _dispatcher.Register("work", [], async (call, _) =>
        {
            await call.NotifyMessageAsync("info", "starting \"work\"");
            await call.NotifyProgressAsync(0, 2, (1, 3));
            await call.NotifyProgressAsync(1, 2);
            return new JsonObject { ["done"] = true };
        });
    }

    public Task InitializeAsync()
    {
        _server = new UnixSocketRpcServer(_dir.File("lightning-rpc"), _dispatcher, new UnixSocketRpcServerOptions());
        _server.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task TheEnableAnswerFitsLightningClisHundredByteBufferAndEndsWithABlankLine()
    {
        using var client = new RawRpcClient(_dir.File("lightning-rpc"));

        // lightning-cli's enable_notifications, byte for byte (its pid in the id).
        client.Send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications\",\"id\":\"cli:notifications#2147483647\",\"params\":{\"enable\":true}}");
        var answer = await client.ReadResponseAsync();

        Assert.Equal("{\"jsonrpc\":\"2.0\",\"id\":\"cli:notifications#2147483647\",\"result\":{}}", answer);
        Assert.True(answer!.Length + 2 < 100, $"{answer.Length + 2} bytes");
    }

    [Fact]
    public async Task ACommandsNotificationsReachAConnectionThatEnabledThemBeforeItsAnswer()
    {
        using var client = new RawRpcClient(_dir.File("lightning-rpc"));
        client.Send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications\",\"id\":1,\"params\":[true]}");
        await client.ReadResponseAsync();

        client.Send("{\"jsonrpc\":\"2.0\",\"method\":\"work\",\"id\":\"w#1\",\"params\":[]}");

        Assert.Equal("{\"jsonrpc\":\"2.0\",\"method\":\"message\",\"params\":{\"id\":\"w#1\",\"level\":\"info\",\"message\":\"starting \\\"work\\\"\"}}", await client.ReadResponseAsync());
        Assert.Equal("{\"jsonrpc\":\"2.0\",\"method\":\"progress\",\"params\":{\"id\":\"w#1\",\"num\":0,\"total\":2,\"stage\":{\"num\":1,\"total\":3}}}", await client.ReadResponseAsync());
        Assert.Equal("{\"jsonrpc\":\"2.0\",\"method\":\"progress\",\"params\":{\"id\":\"w#1\",\"num\":1,\"total\":2}}", await client.ReadResponseAsync());
        Assert.Equal("{\"jsonrpc\":\"2.0\",\"id\":\"w#1\",\"result\":{\"done\":true}}", await client.ReadResponseAsync());
    }

    [Fact]
    public async Task NoNotificationsWithoutEnablingOrAfterDisablingOrOnAnotherConnection()
    {
        using var other = new RawRpcClient(_dir.File("lightning-rpc"));
        other.Send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications\",\"id\":1,\"params\":{\"enable\":true}}");
        await other.ReadResponseAsync();
        using var client = new RawRpcClient(_dir.File("lightning-rpc"));

        client.Send("{\"jsonrpc\":\"2.0\",\"method\":\"work\",\"id\":2,\"params\":[]}");
        Assert.Equal("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"done\":true}}", await client.ReadResponseAsync());

        other.Send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications\",\"id\":3,\"params\":{\"enable\":false}}");
        await other.ReadResponseAsync();
        other.Send("{\"jsonrpc\":\"2.0\",\"method\":\"work\",\"id\":4,\"params\":[]}");
        Assert.Equal("{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":{\"done\":true}}", await other.ReadResponseAsync());
    }

    [Theory]
    [InlineData("{}", -32602, "missing required parameter: enable")]
    [InlineData("[\"true\"]", -32602, "enable: should be 'true' or 'false': invalid token (see logs for details)")]
    [InlineData("[1]", -32602, "enable: should be 'true' or 'false': invalid token (see logs for details)")]
    [InlineData("{\"enable\":true,\"x\":1}", -32602, "unknown parameter: x, this may be caused by a failure to autodetect key=value-style parameters. Please try using the -k flag and explicit key=value pairs of parameters.")]
    public async Task RefusesABadEnableAsCoreLightningDoes(string parameters, int code, string message)
    {
        var response = await _dispatcher.HandleAsync(System.Text.Encoding.UTF8.GetBytes(
            $"{{\"jsonrpc\":\"2.0\",\"method\":\"notifications\",\"id\":1,\"params\":{parameters}}}"));

        var error = System.Text.Json.JsonDocument.Parse(response).RootElement.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetInt32());
        Assert.Equal(message, error.GetProperty("message").GetString());
    }
}
