using Peerd.Lightning.Transport;

namespace Peerd.Lightning.Tests.Transport;

public class ProxyOptionsTests
{
    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1:9050")]
    [InlineData("127.0.0.1:9150", "127.0.0.1:9150")]
    [InlineData("localhost", "127.0.0.1:9050")]
    [InlineData("localhost:1080", "127.0.0.1:1080")]
    [InlineData("ip6-localhost", "[::1]:9050")]
    [InlineData("[::1]", "[::1]:9050")]
    [InlineData("[::1]:9150", "[::1]:9150")]
    [InlineData("::1", "[::1]:9050")]
    [InlineData("tor.internal:9050", "tor.internal:9050")]
    [InlineData("/run/tor/socks", "/run/tor/socks")]
    public void ProxyAddressesParseWithTorsDefaultPort(string text, string expected)
    {
        Assert.True(ProxyOptions.TryParseProxy(text, out var proxy, out var error), error);
        Assert.Equal(expected, proxy.ToString());
    }

    [Theory]
    [InlineData("", "proxy: empty address")]
    [InlineData("127.0.0.1:0", "proxy: malformed port in '127.0.0.1:0'")]
    [InlineData("127.0.0.1:65536", "proxy: malformed port in '127.0.0.1:65536'")]
    [InlineData("host:port", "proxy: malformed port in 'host:port'")]
    [InlineData("[::1", "proxy: malformed address '[::1'")]
    [InlineData("[::1]x", "proxy: malformed address '[::1]x'")]
    [InlineData(":9050", "proxy: missing host in ':9050'")]
    public void BadProxyAddressesSayWhy(string text, string message)
    {
        Assert.False(ProxyOptions.TryParseProxy(text, out _, out var error));
        Assert.Equal(message, error);
    }
}
