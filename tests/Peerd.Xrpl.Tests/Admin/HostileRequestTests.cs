using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Peerd.Xrpl.Tests.Support;

namespace Peerd.Xrpl.Tests.Admin;

/// <summary>
/// Requests found by the admin mutation run that once escaped as an HTTP 500 or a dropped WebSocket: each is now
/// refused as unparseable, as rippled refuses JSON it cannot read.
/// </summary>
public class HostileRequestTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static TheoryData<string, byte[]> Unreadable => new()
    {
        { "invalid UTF-8 in a string", [.. "{\"method\":\"ping\",\"params\":[{\"id\":\"a"u8, 0xb4, .. "\"}]}"u8] },
        { "a lone surrogate escape", "{\"method\":\"ping\",\"params\":[{\"id\":\"\\ud800\"}]}"u8.ToArray() },
        { "a duplicate key below the top level", "{\"method\":\"ping\",\"params\":[{\"admin_password\":\"a\",\"admin_password\":\"b\"}]}"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task AnUnreadableJsonRpcRequestIsA400(string what, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await Http.PostAsync(fixture.Node.AdminUri, content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 400, $"{what}: HTTP {(int)response.StatusCode} {text}");
        Assert.StartsWith("Unable to parse request: ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreadableWebSocketMessageIsJsonInvalidAndTheSocketStaysOpen()
    {
        using var socket = await fixture.Node.OpenWebSocketAsync();
        var reply = JsonNode.Parse(await socket.SendAsync("{\"id\":1,\"command\":\"ping\",\"x\":\"\\udc00\"}"))!;
        Assert.Equal("jsonInvalid", (string?)reply["error"]);
        var ping = JsonNode.Parse(await socket.SendAsync("{\"id\":2,\"command\":\"ping\"}"))!;
        Assert.Equal("success", (string?)ping["status"]);
    }
}
