using Peerd.Xrpl.Protocol.Handshake;

namespace Peerd.Xrpl.Protocol.Tests.Handshake;

public class OutboundUpgradeTests
{
    private static HttpResponseHead Response(int code = 101, string upgrade = "XRPL/2.2", string connection = "Upgrade") =>
        new(code, code == 101 ? "Switching Protocols" : "Service Unavailable", new HttpHeaders().Add("Connection", connection).Add("Upgrade", upgrade));

    [Fact]
    public void AcceptsOneSupportedVersion()
    {
        var outcome = OutboundUpgrade.Evaluate(Response());
        Assert.True(outcome.Accepted);
        Assert.Equal(new ProtocolVersion(2, 2), outcome.Version);
    }

    [Theory]
    [InlineData("XRPL/2.1, XRPL/2.2")]
    [InlineData("XRPL/2.0")]
    [InlineData("XRPL/2.9")]
    [InlineData("")]
    public void RefusesAnythingButExactlyOneVersionWeSpeak(string upgrade)
    {
        var outcome = OutboundUpgrade.Evaluate(Response(upgrade: upgrade));
        Assert.False(outcome.Accepted);
        Assert.Equal("Unable to negotiate protocol version", outcome.Reason);
    }

    [Fact]
    public void RefusesAnythingButA101Upgrade()
    {
        Assert.Equal("Unable to upgrade to peer protocol: 503 Service Unavailable", OutboundUpgrade.Evaluate(Response(503)).Reason);
        Assert.False(OutboundUpgrade.Evaluate(Response(connection: "close")).Accepted);
    }
}
