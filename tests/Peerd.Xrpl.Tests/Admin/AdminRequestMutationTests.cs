using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Peerd.TestKit.Fuzzing;
using Peerd.Xrpl.Tests.Support;
using Xunit.Abstractions;

namespace Peerd.Xrpl.Tests.Admin;

/// <summary>
/// Mutated rippled-dialect requests against a running admin API (JSON-RPC over HTTP and WebSocket), with admin
/// credentials configured so the access check is exercised too. Every request gets rippled's answer — HTTP 200 with a
/// result or an error, 400 with a reason, 403 — or, for a WebSocket message that is not UTF-8 text, a close; never a
/// 500, a dropped connection (other than for a WebSocket text message that is not UTF-8, which RFC 6455 says fails
/// the connection), or an error in the node's log. <c>connect</c> and <c>stop</c> are left out of the
/// corpus: a mutated <c>connect</c> could dial a real address.
/// </summary>
public sealed class AdminRequestMutationTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private TestNode _node = null!;

    private static readonly byte[][] JsonRpcCorpus =
    [
        .. new[]
        {
            """{"method":"ping","params":[{"id":7,"jsonrpc":"2.0","ripplerpc":"1.0"}]}""",
            """{"method":"server_info","params":[{"admin_user":"op","admin_password":"s3cret","api_version":2}]}""",
            """{"method":"peers","params":[{"admin_user":"op","admin_password":"s3cret"}]}""",
            """{"method":"connections","params":[{"admin_user":"op","admin_password":"wrong"}]}""",
            """{"method":"ping","params":[]}""",
            """{"method":"server_info"}""",
        }.Select(Encoding.UTF8.GetBytes),
    ];

    private static readonly byte[][] WebSocketCorpus =
    [
        .. new[]
        {
            """{"id":1,"command":"ping"}""",
            """{"id":"x","method":"server_info","api_version":1,"admin_user":"op","admin_password":"s3cret"}""",
            """{"id":2,"command":"peers","admin_user":"op","admin_password":"nope"}""",
            """{"id":3,"command":"connections","admin_user":"op","admin_password":"s3cret"}""",
        }.Select(Encoding.UTF8.GetBytes),
    ];

    public async Task InitializeAsync() => _node = await TestNode.StartAsync(o => o with { AdminUser = "op", AdminPassword = "s3cret" });

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task MutatedJsonRpcRequestsGetRippledsAnswers()
    {
        await Fuzzer.RunAsync("XRPL admin JSON-RPC (HTTP)", JsonRpcCorpus, PostAsync, inputs: 3_000, output);
        _node.Log.AssertNoErrors();
    }

    [Fact]
    public async Task MutatedWebSocketMessagesGetRippledsAnswersOrAClose()
    {
        ClientWebSocket? socket = null;
        try
        {
            await Fuzzer.RunAsync("XRPL admin WebSocket", WebSocketCorpus, async input =>
            {
                if (socket is not { State: WebSocketState.Open })
                {
                    socket?.Dispose();
                    socket = new ClientWebSocket();
                    await socket.ConnectAsync(_node.WebSocketUri, CancellationToken.None);
                }

                return await SendAsync(socket, input);
            }, inputs: 5_000, output);
        }
        finally
        {
            socket?.Dispose();
        }

        _node.Log.AssertNoErrors();
    }

    private async Task<FuzzVerdict> PostAsync(byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await Http.PostAsync(_node.AdminUri, content);
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        Assert.True(status is 200 or 400 or 403, $"HTTP {status}: {text}");
        if (status != 200)
        {
            return FuzzVerdict.Rejected;
        }

        var result = JsonNode.Parse(text)!["result"]!;
        return (string?)result["status"] == "success" ? FuzzVerdict.Decoded : FuzzVerdict.Rejected;
    }

    private static async Task<FuzzVerdict> SendAsync(ClientWebSocket socket, byte[] message)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[64 * 1024];
        using var reply = new MemoryStream();
        try
        {
            await socket.SendAsync(message, WebSocketMessageType.Text, true, timeout.Token);
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Assert.False(IsUtf8(message), $"closed ({result.CloseStatus}) after a UTF-8 message");
                    return FuzzVerdict.Rejected;
                }

                reply.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    break;
                }
            }
        }
        catch (WebSocketException) when (!IsUtf8(message))
        {
            // RFC 6455 8.1: a text message that is not UTF-8 fails the connection. The next input reconnects.
            return FuzzVerdict.Rejected;
        }

        var answer = JsonNode.Parse(reply.ToArray())!;
        return (string?)answer["status"] == "success" ? FuzzVerdict.Decoded : FuzzVerdict.Rejected;
    }

    private static bool IsUtf8(byte[] bytes) => System.Text.Unicode.Utf8.IsValid(bytes);
}
