using Peerd.Xrpl.Protocol.Handshake;

namespace Peerd.Xrpl.Protocol.Tests.Handshake;

public class InboundUpgradeTests
{
    private static HttpRequestHead Request(string connection = "Upgrade", string upgrade = "XRPL/2.1, XRPL/2.2", string? connectAs = "Peer", string method = "GET", string version = "HTTP/1.1")
    {
        var headers = new HttpHeaders().Add("Connection", connection).Add("Upgrade", upgrade);
        if (connectAs is not null)
        {
            headers.Add("Connect-As", connectAs);
        }

        return new HttpRequestHead(method, "/", headers, version);
    }

    [Fact]
    public void ProceedsWithTheHighestCommonVersion()
    {
        var result = InboundUpgrade.Evaluate(Request());
        Assert.Equal(InboundUpgradeAction.Proceed, result.Action);
        Assert.Equal(new ProtocolVersion(2, 2), result.Version);
    }

    [Theory]
    [InlineData("keep-alive", "XRPL/2.2", "GET", "HTTP/1.1")]
    [InlineData("Upgrade", "websocket", "GET", "HTTP/1.1")]
    [InlineData("Upgrade", "XRPL/2.2", "POST", "HTTP/1.1")]
    [InlineData("Upgrade", "XRPL/2.2", "GET", "HTTP/1.0")]
    public void RequestsThatAreNotPeerUpgradesAreLeftToHttp(string connection, string upgrade, string method, string version) =>
        Assert.Equal(InboundUpgradeAction.NotPeerUpgrade, InboundUpgrade.Evaluate(Request(connection, upgrade, method: method, version: version)).Action);

    [Theory]
    [InlineData(null)]
    [InlineData("Leaf")]
    [InlineData("client")]
    public void ConnectAsWithoutPeerIsRedirected(string? connectAs) =>
        Assert.Equal(InboundUpgradeAction.Redirect, InboundUpgrade.Evaluate(Request(connectAs: connectAs)).Action);

    [Fact]
    public void ConnectAsIsACaseInsensitiveList() =>
        Assert.Equal(InboundUpgradeAction.Proceed, InboundUpgrade.Evaluate(Request(connection: "keep-alive, upgrade", connectAs: "leaf, PEER")).Action);

    [Fact]
    public void OnlyUnsupportedVersionsMeanNoCommonVersion()
    {
        Assert.Equal(InboundUpgradeAction.NoCommonVersion, InboundUpgrade.Evaluate(Request(upgrade: "XRPL/2.0, XRPL/3.1")).Action);
        Assert.Equal("Unable to agree on a protocol version", InboundUpgrade.NoCommonVersionReason);
    }
}
