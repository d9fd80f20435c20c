using System.Net;
using Peerd.Xrpl.Hosting;

namespace Peerd.Xrpl.Tests.Hosting;

public class XrplOptionsTests
{
    private static KeyValuePair<string, string?> O(string name, string? value = null) => new(name, value);

    [Fact]
    public void WithoutXrplOptionsXrplIsDisabledAndOtherOptionsAreIgnored()
    {
        Assert.True(XrplOptions.TryParse([O("network", "bitcoin"), O("bind-addr", "0.0.0.0:9735")], out var options, out var error));
        Assert.False(options.Enabled);
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public void TheFlagAloneEnablesXrplWithRippledsDefaults()
    {
        Assert.True(XrplOptions.TryParse([O("xrpl")], out var options, out _));
        Assert.True(options.Enabled);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 51235), options.PeerEndpoint);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 5005), options.AdminEndpoint);
        Assert.Null(options.NetworkId);
        Assert.Equal(TimeSpan.FromSeconds(60), options.PingInterval);
        Assert.Equal(TimeSpan.FromSeconds(15), options.HandshakeTimeout);
        Assert.Contains(options.AdminAllow, n => n.Contains(IPAddress.Loopback));
        Assert.Contains(options.AdminAllow, n => n.Contains(IPAddress.IPv6Loopback));
        Assert.DoesNotContain(options.AdminAllow, n => n.Contains(IPAddress.Parse("10.1.1.1")));
    }

    [Fact]
    public void AnyXrplOptionEnablesXrpl()
    {
        Assert.True(XrplOptions.TryParse([O("xrpl-network-id", "testnet")], out var options, out _));
        Assert.True(options.Enabled);
        Assert.Equal(1u, options.NetworkId);
    }

    [Fact]
    public void ParsesEveryOption()
    {
        Assert.True(XrplOptions.TryParse(
            [
                O("xrpl-peer-addr", "[::]:2459"), O("xrpl-admin-addr", "0.0.0.0:6006"), O("xrpl-network-id", "21338"),
                O("xrpl-node-seed", "snoPBrXtMeMyMHUVTgbuqAfg1SUTb"), O("xrpl-max-inbound", "3"), O("xrpl-max-outbound", "4"),
                O("xrpl-admin-allow", "192.168.0.0/16, 10.0.0.1"), O("xrpl-admin-user", "op"), O("xrpl-admin-password", "pw"),
                O("xrpl-reporting", "true"), O("xrpl-ping-interval", "2.5"), O("xrpl-handshake-timeout", "5"),
                O("xrpl-crawl", "false"),
            ],
            out var options,
            out var error), error);
        Assert.Equal(new IPEndPoint(IPAddress.IPv6Any, 2459), options.PeerEndpoint);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 6006), options.AdminEndpoint);
        Assert.Equal(21338u, options.NetworkId);
        Assert.Equal("snoPBrXtMeMyMHUVTgbuqAfg1SUTb", options.NodeSeed!.ToBase58());
        Assert.Equal(3, options.MaxInboundPeers);
        Assert.Equal(4, options.MaxOutboundPeers);
        Assert.Equal(2, options.AdminAllow.Count);
        Assert.True(options.AdminAllow[1].Contains(IPAddress.Parse("10.0.0.1")));
        Assert.Equal("op", options.AdminUser);
        Assert.Equal("pw", options.AdminPassword);
        Assert.True(options.Reporting);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.PingInterval);
        Assert.Equal(TimeSpan.FromSeconds(5), options.HandshakeTimeout);
        Assert.False(options.Crawl);
        Assert.DoesNotContain("pw", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CrawlIsServedByDefaultAsInRippled()
    {
        Assert.True(XrplOptions.TryParse([O("xrpl")], out var options, out _));
        Assert.True(options.Crawl);
        Assert.True(XrplOptions.EnabledDefaults().Crawl);
    }

    [Fact]
    public void StandaloneHasNoPeerPort()
    {
        Assert.True(XrplOptions.TryParse([O("xrpl-standalone")], out var options, out _));
        Assert.True(options.Standalone);
        Assert.Null(options.PeerEndpoint);
    }

    [Theory]
    [InlineData("xrpl-peer-addr", "51235", "xrpl-peer-addr")]
    [InlineData("xrpl-peer-addr", "::1:51235", "xrpl-peer-addr")]
    [InlineData("xrpl-admin-addr", "localhost:5005", "xrpl-admin-addr")]
    [InlineData("xrpl-network-id", "mainnet", "xrpl-network-id")]
    [InlineData("xrpl-network-id", "-1", "xrpl-network-id")]
    [InlineData("xrpl-node-seed", "n94a1u4jAz288pZLtw6yFWVbi89YamiC6JBXPVUj5zmExe5fTVg9", "xrpl-node-seed")]
    [InlineData("xrpl-max-inbound", "many", "xrpl-max-inbound")]
    [InlineData("xrpl-admin-allow", "everyone", "xrpl-admin-allow")]
    [InlineData("xrpl-standalone", "maybe", "xrpl-standalone")]
    [InlineData("xrpl-ping-interval", "0", "xrpl-ping-interval")]
    [InlineData("xrpl-colour", "blue", "xrpl-colour")]
    public void BadValuesAreRefusedNamingTheOption(string name, string value, string named)
    {
        Assert.False(XrplOptions.TryParse([O(name, value)], out _, out var error));
        Assert.Contains(named, error, StringComparison.Ordinal);
    }

    [Fact]
    public void XrplFalseDisablesButConflictsWithOtherXrplOptions()
    {
        Assert.True(XrplOptions.TryParse([O("xrpl", "false")], out var options, out _));
        Assert.False(options.Enabled);
        Assert.False(XrplOptions.TryParse([O("xrpl", "false"), O("xrpl-network-id", "1")], out _, out var error));
        Assert.Contains("xrpl=false", error, StringComparison.Ordinal);
    }
}
