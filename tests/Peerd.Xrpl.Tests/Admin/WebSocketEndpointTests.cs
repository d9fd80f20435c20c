using System.Text.Json.Nodes;
using Peerd.Xrpl.Tests.Support;

namespace Peerd.Xrpl.Tests.Admin;

public class WebSocketEndpointTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private TestNode Node => fixture.Node;

    [Fact]
    public async Task ConnectAnswersConnectingInTheExactEnvelope()
    {
        using var socket = await Node.OpenWebSocketAsync();
        var reply = await socket.SendAsync("""{"id":1,"command":"connect","ip":"127.0.0.1","port":1}""");
        Assert.Equal("""{"id":1,"result":{"message":"connecting"},"status":"success","type":"response"}""", reply);
    }

    [Fact]
    public async Task ErrorsAreHoistedToTheTopLevelWithTheRequest()
    {
        using var socket = await Node.OpenWebSocketAsync();
        var reply = await socket.SendAsync("""{"id":1,"command":"connect"}""");
        Assert.Equal(
            """{"error":"invalidParams","error_code":31,"error_message":"Missing field 'ip'.","id":1,"request":{"command":"connect","id":1},"status":"error","type":"response"}""",
            reply);
    }

    [Fact]
    public async Task MethodIsAnAliasOfCommandAndApiVersionIsEchoed()
    {
        using var socket = await Node.OpenWebSocketAsync();
        var reply = await socket.SendAsync("""{"id":"x","method":"ping","api_version":2}""");
        Assert.Equal("""{"api_version":2,"id":"x","result":{"role":"admin","unlimited":true},"status":"success","type":"response"}""", reply);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("")]
    public async Task TextThatIsNotAJsonObjectIsJsonInvalid(string text)
    {
        using var socket = await Node.OpenWebSocketAsync();
        var reply = JsonNode.Parse(await socket.SendAsync(text))!;
        Assert.Equal("jsonInvalid", (string?)reply["error"]);
        Assert.Equal("error", (string?)reply["type"]);
        Assert.Equal(text, (string?)reply["value"]);
    }

    [Theory]
    [InlineData("""{"id":3}""", "missingCommand")]
    [InlineData("""{"id":3,"command":5}""", "missingCommand")]
    [InlineData("""{"id":3,"command":"ping","method":"peers"}""", "missingCommand")]
    [InlineData("""{"id":3,"command":"ping","api_version":9}""", "invalid_API_version")]
    public async Task RequestsWithoutAUsableCommandAreRefused(string request, string error)
    {
        using var socket = await Node.OpenWebSocketAsync();
        var reply = JsonNode.Parse(await socket.SendAsync(request))!;
        Assert.Equal(error, (string?)reply["error"]);
        Assert.Equal("error", (string?)reply["status"]);
        Assert.Equal("response", (string?)reply["type"]);
        Assert.Equal(3, (int)reply["id"]!);
    }

    [Fact]
    public async Task AnUnknownMethodIsUnknownCmd()
    {
        using var socket = await Node.OpenWebSocketAsync();
        var reply = JsonNode.Parse(await socket.SendAsync("""{"command":"book_offers"}"""))!;
        Assert.Equal("unknownCmd", (string?)reply["error"]);
        Assert.Equal(32, (int)reply["error_code"]!);
        Assert.Equal("Unknown method.", (string?)reply["error_message"]);
    }

    [Fact]
    public async Task SeveralRequestsOnOneSocketEachGetTheirAnswer()
    {
        using var socket = await Node.OpenWebSocketAsync();
        for (var id = 1; id <= 3; id++)
        {
            var reply = await socket.RequestAsync(new JsonObject { ["id"] = id, ["command"] = "peers" });
            Assert.Equal(id, (int)reply["id"]!);
            Assert.Null(reply["result"]!["peers"]);
        }
    }
}
