using Peerd.Xrpl.Protocol.Handshake;

namespace Peerd.Xrpl.Protocol.Tests.Handshake;

public class ProtocolVersionTests
{
    [Fact]
    public void WeOfferTwoPointOneToTwoPointThree() =>
        Assert.Equal("XRPL/2.1, XRPL/2.2, XRPL/2.3", ProtocolVersion.SupportedHeaderValue);

    [Theory]
    [InlineData("XRPL/2.1, XRPL/2.2, XRPL/2.3", "XRPL/2.3")]
    [InlineData("XRPL/2.2", "XRPL/2.2")]
    [InlineData("XRPL/2.0, XRPL/2.1", "XRPL/2.1")]
    [InlineData("XRPL/2.1,XRPL/2.2,XRPL/3.0", "XRPL/2.2")]
    [InlineData("XRPL/3.0, XRPL/2.2, XRPL/2.1", "XRPL/2.2")]
    [InlineData(" XRPL/2.1 ,  XRPL/2.1", "XRPL/2.1")]
    public void NegotiatePicksTheHighestCommonVersion(string offered, string expected) =>
        Assert.Equal(expected, ProtocolVersion.Negotiate(offered)?.ToString());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("XRPL/2.0")]
    [InlineData("RTXP/1.2")]
    [InlineData("XRPL/3.0, XRPL/2.4")]
    [InlineData("websocket")]
    public void NegotiateFindsNothingInCommon(string? offered) => Assert.Null(ProtocolVersion.Negotiate(offered));

    [Theory]
    [InlineData("XRPL/1.2")]
    [InlineData("XRPL/02.1")]
    [InlineData("XRPL/2.01")]
    [InlineData("XRPL/2")]
    [InlineData("xrpl/2.1")]
    [InlineData("XRPL/70000.1")]
    public void ParseListSkipsMalformedTokens(string token) => Assert.Empty(ProtocolVersion.ParseList(token));

    [Fact]
    public void ParseListSortsAndRemovesDuplicates()
    {
        var parsed = ProtocolVersion.ParseList("XRPL/10.0, XRPL/2.3, XRPL/2.1, XRPL/2.3");
        Assert.Equal(["XRPL/2.1", "XRPL/2.3", "XRPL/10.0"], parsed.Select(v => v.ToString()));
    }
}
