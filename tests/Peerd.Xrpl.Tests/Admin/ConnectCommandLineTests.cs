using Peerd.Xrpl.Admin;

namespace Peerd.Xrpl.Tests.Admin;

public class ConnectCommandLineTests
{
    [Theory]
    [InlineData(new[] { "192.170.145.88", "51235" }, """{"ip":"192.170.145.88","port":51235}""")]
    [InlineData(new[] { "192.170.145.88:51235" }, """{"ip":"192.170.145.88","port":51235}""")]
    [InlineData(new[] { "192.170.145.88" }, """{"ip":"192.170.145.88"}""")]
    [InlineData(new[] { "::1" }, """{"ip":"::1"}""")]
    [InlineData(new[] { "peer.example.com:2459" }, """{"ip":"peer.example.com","port":2459}""")]
    public void BuildsTheParametersRippledBuilds(string[] arguments, string expected)
    {
        Assert.True(ConnectCommandLine.TryParse(arguments, out var parameters, out var error));
        Assert.Null(error);
        Assert.Equal(expected, parameters.ToJsonString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("a 1 2")]
    public void OtherArgumentCountsAreBadSyntax(string line)
    {
        Assert.False(ConnectCommandLine.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries), out _, out var error));
        Assert.Equal("""{"error":"badSyntax","error_code":1,"error_message":"Syntax error."}""", error!.ToJsonString());
    }

    [Fact]
    public void ANonNumericPortIsInvalidParams()
    {
        Assert.False(ConnectCommandLine.TryParse(["1.2.3.4", "port"], out _, out var error));
        Assert.Equal("invalidParams", (string?)error!["error"]);
    }
}
