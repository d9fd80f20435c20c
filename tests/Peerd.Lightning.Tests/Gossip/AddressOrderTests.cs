using System.Net;
using Peerd.Lightning.Gossip;
using Peerd.Lightning.Protocol.Addresses;
using Peerd.Lightning.Transport;
using static Peerd.Lightning.Tests.Gossip.Announcements;

namespace Peerd.Lightning.Tests.Gossip;

public class AddressOrderTests
{
    private static readonly DateTimeOffset Then = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    private static string[] Order(WireAddress[] announced, ConnectedAddress[]? connected = null, int max = 16) =>
        [.. AddressOrder.ForConnect(Sign(1, 1, announced), connected ?? [], max).Select(e => e.ToString())];

    [Fact]
    public void IPv6AndDnsComeFirstThenIPv4ThenTorV3AsCoreLightningOrdersThem()
    {
        // Announced in ascending type order, as BOLT #7 requires of writers: 1, 1, 2, 4, 5.
        var order = Order([IPv4("203.0.113.1"), IPv4("203.0.113.2"), IPv6("2001:db8::1"), Onion(9736), Dns("node.example", 9737)]);
        Assert.Equal(
            ["[2001:db8::1]:9735", "node.example:9737", "203.0.113.1:9735", "203.0.113.2:9735", Onion(9736).ToString()],
            order);
    }

    [Fact]
    public void TorV2AndExtraDnsNamesAreIgnored()
    {
        var torV2 = WireAddress.Create(WireAddressType.TorV2, new byte[10], 9735);
        var order = Order([IPv4("203.0.113.1"), torV2, Dns("first.example"), Dns("second.example")]);
        Assert.Equal(["first.example:9735", "203.0.113.1:9735"], order);
    }

    [Fact]
    public void NamesWithSpacesOrControlCharactersAreDropped()
    {
        Assert.Equal(["203.0.113.1:9735"], Order([IPv4("203.0.113.1"), Dns("bad name")]));
        Assert.Equal(["203.0.113.1:9735"], Order([IPv4("203.0.113.1"), Dns("bad\nname")]));
    }

    [Fact]
    public void AnnouncedAddressesAreCapped()
    {
        var many = Enumerable.Range(1, 40).Select(i => IPv4($"203.0.113.{i}")).ToArray();
        var order = Order(many, max: 16);
        Assert.Equal(16, order.Length);
        Assert.Equal("203.0.113.16:9735", order[^1]);
    }

    [Fact]
    public void ConnectedAddressesFollowWithoutDuplicates()
    {
        var connected = new[]
        {
            new ConnectedAddress(PeerEndpoint.DnsName("NODE.example", 9735), Then),
            new ConnectedAddress(PeerEndpoint.FromIp(IPAddress.Parse("203.0.113.1"), 9735), Then),
            new ConnectedAddress(PeerEndpoint.FromIp(IPAddress.Parse("198.51.100.1"), 9735), Then),
        };
        Assert.Equal(
            ["node.example:9735", "203.0.113.1:9735", "198.51.100.1:9735"],
            Order([IPv4("203.0.113.1"), Dns("node.example")], connected));
    }

    [Fact]
    public void WithoutAnAnnouncementOnlyConnectedAddressesAreOffered()
    {
        var connected = new[] { new ConnectedAddress(PeerEndpoint.LocalSocket("/run/a"), Then), new ConnectedAddress(PeerEndpoint.LocalSocket("/run/A"), Then) };
        Assert.Equal(["/run/a", "/run/A"], AddressOrder.ForConnect(null, connected, 16).Select(e => e.ToString()));
    }

    [Fact]
    public void AnnouncedAddressesBecomeEndpointsOfTheirKind()
    {
        Assert.Equal(EndpointKind.Ip, AddressOrder.ToEndpoint(IPv6("::ffff:10.0.0.1"))!.Kind);
        Assert.True(AddressOrder.ToEndpoint(IPv6("::ffff:10.0.0.1"))!.IsIPv4);
        Assert.Equal(EndpointKind.DnsName, AddressOrder.ToEndpoint(Dns("a.example"))!.Kind);
        Assert.Equal(EndpointKind.TorV3, AddressOrder.ToEndpoint(Onion())!.Kind);
        Assert.EndsWith(".onion", AddressOrder.ToEndpoint(Onion())!.Host, StringComparison.Ordinal);
        Assert.Null(AddressOrder.ToEndpoint(WireAddress.Create(WireAddressType.TorV2, new byte[10], 1)));
    }
}
