using System.Text.Json.Nodes;
using Peerd.Cli.Xrpl;

namespace Peerd.Cli.Tests.Xrpl;

/// <summary>rippled's <c>RPCParser</c> rules (contracts/rippled-connect.md, "Command line").</summary>
public class XrplCommandsTests
{
    [Theory]
    [InlineData(new[] { "127.0.0.1" }, "{\"ip\":\"127.0.0.1\",\"api_version\":1}")]
    [InlineData(new[] { "127.0.0.1:51235" }, "{\"ip\":\"127.0.0.1\",\"port\":51235,\"api_version\":1}")]
    [InlineData(new[] { "127.0.0.1", "51235" }, "{\"ip\":\"127.0.0.1\",\"port\":51235,\"api_version\":1}")]
    [InlineData(new[] { "127.0.0.1:1", "2" }, "{\"ip\":\"127.0.0.1:1\",\"port\":2,\"api_version\":1}")]
    [InlineData(new[] { "::1" }, "{\"ip\":\"::1\",\"api_version\":1}")]
    [InlineData(new[] { "[::1]:51235" }, "{\"ip\":\"[::1]:51235\",\"api_version\":1}")]
    [InlineData(new[] { "node.example.com:51235" }, "{\"ip\":\"node.example.com\",\"port\":51235,\"api_version\":1}")]
    [InlineData(new[] { "1.2.3.4", "99999" }, "{\"ip\":\"1.2.3.4\",\"port\":99999,\"api_version\":1}")]
    public void MapsConnectArgumentsLikeRippled(string[] args, string request)
    {
        Assert.Equal(request, XrplCommands.TryParse("connect", args, out _)!.ToJsonString());
    }

    [Theory]
    [InlineData("connect", "")]
    [InlineData("connect", "a 1 2")]
    [InlineData("peers", "x")]
    [InlineData("ping", "x")]
    [InlineData("stop", "x")]
    [InlineData("connections", "x")]
    [InlineData("server_info", "a b")]
    public void RefusesAWrongArgumentCountWithBadSyntax(string command, string args)
    {
        Assert.Null(XrplCommands.TryParse(command, args.Split(' ', StringSplitOptions.RemoveEmptyEntries), out var error));
        Assert.Equal("{\"error\":\"badSyntax\",\"error_code\":1,\"error_message\":\"Syntax error.\"}", error!.ToJsonString());
    }

    [Theory]
    [InlineData("1.2.3.4:port")]
    [InlineData("1.2.3.4|-1")]
    [InlineData("1.2.3.4|")]
    [InlineData("1.2.3.4|4294967296")]
    public void RefusesAPortThatIsNotAnUnsignedNumberAsRippledsLexicalCast(string args)
    {
        Assert.Null(XrplCommands.TryParse("connect", args.Split('|'), out var error));
        Assert.Equal("internal", error!["error"]!.GetValue<string>());
        Assert.Equal(73, error["error_code"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("peers")]
    [InlineData("ping")]
    [InlineData("stop")]
    [InlineData("connections")]
    [InlineData("server_info")]
    public void SendsCommandsWithoutArgumentsAsAnObjectWithTheApiVersion(string command)
    {
        Assert.Equal("{\"api_version\":1}", XrplCommands.TryParse(command, [], out _)!.ToJsonString());
    }

    [Fact]
    public void AsksForCountersOnlyWithTheCountersArgument()
    {
        Assert.Equal("{\"counters\":true,\"api_version\":1}", XrplCommands.TryParse("server_info", ["counters"], out _)!.ToJsonString());
        Assert.Equal("{\"api_version\":1}", XrplCommands.TryParse("server_state", ["other"], out _)!.ToJsonString());
    }

    [Fact]
    public void PassesUnknownCommandsThroughAsIs()
    {
        Assert.Equal("{\"params\":[\"a\",\"b\"],\"api_version\":1}", XrplCommands.TryParse("something", ["a", "b"], out _)!.ToJsonString());
    }

    [Fact]
    public void WritesTheRequestBodyWithSortedKeysAndANewline()
    {
        var request = new JsonObject { ["ip"] = "127.0.0.1", ["port"] = 51235, ["api_version"] = 1 };

        Assert.Equal(
            "{\"id\":1,\"method\":\"connect\",\"params\":[{\"api_version\":1,\"ip\":\"127.0.0.1\",\"port\":51235}]}\n",
            XrplCli.RequestBody("connect", request));
    }
}
