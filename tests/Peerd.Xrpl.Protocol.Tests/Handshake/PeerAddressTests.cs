using System.Net;
using Peerd.Xrpl.Protocol.Handshake;

namespace Peerd.Xrpl.Protocol.Tests.Handshake;

public class PeerAddressTests
{
    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("203.0.113.9", true)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("192.168.1.1", false)]
    [InlineData("127.0.0.1", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("ff02::1", false)]
    [InlineData("2001:db8::1", true)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("::ffff:8.8.4.4", true)]
    public void IsPublicFollowsBeast(string address, bool expected) =>
        Assert.Equal(expected, PeerAddress.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("1.2.3.4", true)]
    [InlineData("::1", true)]
    [InlineData("2001:db8::5", true)]
    [InlineData("1.2.3", false)]
    [InlineData("1", false)]
    [InlineData("01.2.3.4", false)]
    [InlineData("256.1.1.1", false)]
    [InlineData("", false)]
    [InlineData("host", false)]
    public void TryParseStrictAcceptsOnlyFullAddresses(string text, bool expected) =>
        Assert.Equal(expected, PeerAddress.TryParseStrict(text, out _));

    [Fact]
    public void FormatBracketsIPv6()
    {
        Assert.Equal("[::1]:51235", PeerAddress.Format(new IPEndPoint(IPAddress.IPv6Loopback, 51235)));
        Assert.Equal("127.0.0.1:5", PeerAddress.Format(new IPEndPoint(IPAddress.Parse("::ffff:127.0.0.1"), 5)));
    }
}
