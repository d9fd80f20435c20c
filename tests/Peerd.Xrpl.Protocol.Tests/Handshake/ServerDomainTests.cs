using Peerd.Xrpl.Protocol.Handshake;

namespace Peerd.Xrpl.Protocol.Tests.Handshake;

public class ServerDomainTests
{
    [Theory]
    [InlineData("ripple.com", true)]
    [InlineData("a.bc", true)]
    [InlineData("xrpl-labs.example.org", true)]
    [InlineData("abc", false)]
    [InlineData("localhost", false)]
    [InlineData("-a.example.com", false)]
    [InlineData("a-.example.com", false)]
    [InlineData("a.c0m", false)]
    [InlineData("a..com", false)]
    [InlineData("exa mple.com", false)]
    public void MatchesRippledsTomlDomainRule(string domain, bool expected) =>
        Assert.Equal(expected, ServerDomain.IsProperlyFormed(domain));

    [Fact]
    public void RefusesDomainsLongerThan128Characters()
    {
        var label = new string('a', 60);
        var domain = $"{label}.{label}.com";
        Assert.True(ServerDomain.IsProperlyFormed(domain));
        Assert.False(ServerDomain.IsProperlyFormed($"{label}.{label}.abcdef.com"));
    }
}
