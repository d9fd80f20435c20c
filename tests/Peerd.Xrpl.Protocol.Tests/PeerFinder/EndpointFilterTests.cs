using System.Net;
using Peerd.Xrpl.Protocol.Messages;
using Peerd.Xrpl.Protocol.PeerFinder;

namespace Peerd.Xrpl.Protocol.Tests.PeerFinder;

public class EndpointFilterTests
{
    private static readonly IPAddress Sender = IPAddress.Parse("203.0.113.9");

    private static TMEndpoints Message(params (string Endpoint, uint Hops)[] entries)
    {
        var message = new TMEndpoints { Version = 2 };
        message.EndpointsV2.AddRange(entries.Select(e => new TMEndpoints.Types.TMEndpointv2 { Endpoint = e.Endpoint, Hops = e.Hops }));
        return message;
    }

    [Fact]
    public void RippledsOwnHopsZeroEntryBecomesItsSocketAddress()
    {
        // rippled advertises itself as [::]:<port> with hops 0 (Logic::buildEndpointsForPeers).
        var accepted = EndpointFilter.Filter(Message(("[::]:51235", 0)), Sender, allowPrivate: false);
        var (endpoint, hops) = Assert.Single(accepted);
        Assert.Equal(new IPEndPoint(Sender, 51235), endpoint);
        Assert.Equal(1u, hops);
    }

    [Theory]
    [InlineData("[::]:51235", 1u)]
    [InlineData("0.0.0.0:51235", 2u)]
    [InlineData("10.1.2.3:51235", 1u)]
    [InlineData("172.16.0.1:51235", 1u)]
    [InlineData("192.168.1.1:51235", 1u)]
    [InlineData("127.0.0.1:51235", 1u)]
    [InlineData("169.254.1.1:51235", 1u)]
    [InlineData("[fd00::1]:51235", 1u)]
    [InlineData("[fe80::1]:51235", 1u)]
    [InlineData("224.0.0.1:51235", 1u)]
    [InlineData("198.51.100.7:0", 1u)]
    [InlineData("198.51.100.7:51235", 7u)]
    [InlineData("198.51.100.7", 1u)]
    [InlineData("junk", 1u)]
    public void DropsWhatRippledDrops(string endpoint, uint hops) =>
        Assert.Empty(EndpointFilter.Filter(Message((endpoint, hops)), Sender, allowPrivate: false));

    [Fact]
    public void PrivateAddressesPassWhenAllowedButUnspecifiedNever()
    {
        var accepted = EndpointFilter.Filter(Message(("10.1.2.3:51235", 1), ("0.0.0.0:51235", 1)), Sender, allowPrivate: true);
        Assert.Equal(IPAddress.Parse("10.1.2.3"), Assert.Single(accepted).Endpoint.Address);
    }

    [Fact]
    public void DeduplicatesCountsHopsAndBoundsTheMessage()
    {
        var accepted = EndpointFilter.Filter(Message(("198.51.100.7:51235", 1), ("198.51.100.7:51235", 3), ("[2001:db8::7]:51235", 6)), Sender, false);
        Assert.Equal([2u, 7u], accepted.Select(a => a.Hops));

        var many = Message([.. Enumerable.Range(1, 200).Select(i => ($"198.51.100.{i}:51235", 1u))]);
        Assert.Equal(EndpointFilter.MaxPerMessage, EndpointFilter.Filter(many, Sender, false).Count);
    }
}
