using System.Net;
using Peerd.Lightning.Rpc.Parameters;

namespace Peerd.Lightning.Tests.Rpc.Parameters;

public class InetPtonTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("10.20.30.40")]
    public void AcceptsDottedQuads(string text)
    {
        var bytes = new byte[4];
        Assert.True(InetPton.TryParseIPv4(text, bytes));
        Assert.Equal(IPAddress.Parse(text).GetAddressBytes(), bytes);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4.5")]
    [InlineData("01.2.3.4")]
    [InlineData("1.2.3.256")]
    [InlineData("1.2.3.")]
    [InlineData(".1.2.3")]
    [InlineData("1..2.3")]
    [InlineData("0x7f.0.0.1")]
    [InlineData(" 1.2.3.4")]
    [InlineData("")]
    public void RefusesWhatInetPtonRefusesForIPv4(string text)
    {
        Assert.False(InetPton.TryParseIPv4(text, new byte[4]));
    }

    [Theory]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("1::")]
    [InlineData("2001:db8::1:9735")]
    [InlineData("2001:0db8:0000:0000:0000:0000:0000:0001")]
    [InlineData("fe80::1:2:3:4:5")]
    [InlineData("::ffff:1.2.3.4")]
    [InlineData("1:2:3:4:5:6:1.2.3.4")]
    [InlineData("ABCD::ef")]
    public void AcceptsIPv6Literals(string text)
    {
        var bytes = new byte[16];
        Assert.True(InetPton.TryParseIPv6(text, bytes));
        Assert.Equal(IPAddress.Parse(text).GetAddressBytes(), bytes);
    }

    [Theory]
    [InlineData(":1")]
    [InlineData("1:")]
    [InlineData("1:::2")]
    [InlineData("1::2::3")]
    [InlineData("12345::1")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("1:2:3:4:5:6:7:8::")]
    [InlineData("1:2:3:4:5:6:7")]
    [InlineData("[::1]")]
    [InlineData("fe80::1%eth0")]
    [InlineData("::1.2.3")]
    [InlineData("g::1")]
    [InlineData("")]
    public void RefusesWhatInetPtonRefusesForIPv6(string text)
    {
        Assert.False(InetPton.TryParseIPv6(text, new byte[16]));
    }
}
