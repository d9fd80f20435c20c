using System.Net;
using Peerd.Lightning.Transport;
using Peerd.Lightning.Transport.Socks5;

namespace Peerd.Lightning.Tests.Transport.Socks5;

public class Socks5TargetTests
{
    [Fact]
    public void EndpointsMapToNamesOrAddresses()
    {
        Assert.Equal("peer.example", Socks5Target.For(PeerEndpoint.DnsName("peer.example", 9735)).Host);
        Assert.Equal("x.onion", Socks5Target.For(PeerEndpoint.TorV3("x.onion", 9735)).Host);
        Assert.Equal(IPAddress.Loopback, Socks5Target.For(PeerEndpoint.FromIp(IPAddress.Loopback, 9735)).Address);
        Assert.Throws<ArgumentException>(() => Socks5Target.For(PeerEndpoint.LocalSocket("/run/x")));
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1:9735")]
    [InlineData("::1", "[::1]:9735")]
    [InlineData("::ffff:10.1.2.3", "10.1.2.3:9735")]
    public void AddressesPrintAsCoreLightningPrintsThem(string address, string text) =>
        Assert.Equal(text, Socks5Target.ForAddress(IPAddress.Parse(address), 9735).ToString());

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public void PortsOutsideOneTo65535AreRefused(int port) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Socks5Target.ForName("a", port));
}
