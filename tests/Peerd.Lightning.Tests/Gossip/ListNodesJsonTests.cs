using Peerd.TestKit;
using System.Net;
using Peerd.Lightning.Gossip;
using Peerd.Lightning.Node;
using Peerd.Lightning.Transport;
using static Peerd.Lightning.Tests.Gossip.Announcements;

namespace Peerd.Lightning.Tests.Gossip;

public class ListNodesJsonTests
{
    private static NodeRecord Record(NodeId id, Protocol.Gossip.NodeAnnouncement? announcement, params ConnectedAddress[] connected)
    {
        var dir = Directory.CreateTempSubdirectory("peerd-json-").FullName;
        try
        {
            var clock = TestClock.Create();
            using var book = AddressBook.Open(Path.Combine(dir, AddressBook.FileName), clock, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
            if (announcement is not null)
            {
                Assert.Equal(AcceptStatus.Accepted, book.TryAccept(announcement).Status);
            }

            foreach (var c in connected)
            {
                book.RememberConnected(id, c.Endpoint);
            }

            return book.Find(id)!;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string One(NodeRecord record, bool includeConnected = false)
    {
        var json = ListNodesJson.ToJson([record], includeConnected);
        return json["{\"nodes\":[".Length..^"]}".Length];
    }

    [Fact]
    public void AnAnnouncedNodeHasCoreLightningsFieldsInItsOrder()
    {
        var record = Record(Id(1), Sign(1, 1_700_000_000, IPv4("203.0.113.1"), IPv6("::1", 19846), Onion(), Dns("node.example")));
        var json = ListNodesJson.ToJson([record]);
        Assert.Equal(
            "{\"nodes\":[{\"nodeid\":\"" + Id(1) + "\",\"alias\":\"node-1\",\"color\":\"010201\",\"last_timestamp\":1700000000,"
            + "\"features\":\"20000000a282\",\"addresses\":["
            + "{\"type\":\"ipv4\",\"address\":\"203.0.113.1\",\"port\":9735},"
            + "{\"type\":\"ipv6\",\"address\":\"::1\",\"port\":19846},"
            + "{\"type\":\"torv3\",\"address\":\"" + Onion().Host + "\",\"port\":9735},"
            + "{\"type\":\"dns\",\"address\":\"node.example\",\"port\":9735}]}]}",
            json);
    }

    [Fact]
    public void ALiquidityAdIsShownAfterTheAddressesAsCoreLightningShowsIt()
    {
        // option_will_fund: funding_weight 666, lease_fee_basis 100, channel_fee_max_proportional_thousandths 10,
        // lease_fee_base_sat 2000, channel_fee_max_base_msat 5000 (tu32 1388); then an unknown odd record.
        const string leaseRates = "029a" + "0064" + "000a" + "000007d0" + "1388";
        var announcement = SignWithTlvs(3, 1_700_000_000, Peerd.Primitives.Hex.Decode("010c" + leaseRates + "0501ff"), IPv4("203.0.113.3"));
        var record = Record(Id(3), announcement);

        Assert.Equal(
            "{\"nodeid\":\"" + Id(3) + "\",\"alias\":\"node-3\",\"color\":\"010203\",\"last_timestamp\":1700000000,"
            + "\"features\":\"20000000a282\",\"addresses\":[{\"type\":\"ipv4\",\"address\":\"203.0.113.3\",\"port\":9735}],"
            + "\"option_will_fund\":{\"lease_fee_base_msat\":2000000,\"lease_fee_basis\":100,\"funding_weight\":666,"
            + "\"channel_fee_max_base_msat\":5000,\"channel_fee_max_proportional_thousandths\":10,\"compact_lease\":\"" + leaseRates + "\"}}",
            One(record));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0501ff")]
    [InlineData("0109029a0064000a000007")] // lease_rates shorter than its fixed fields
    public void WithoutAValidLiquidityAdThereIsNoOptionWillFund(string tlvs)
    {
        var record = Record(Id(3), SignWithTlvs(3, 1_700_000_000, Peerd.Primitives.Hex.Decode(tlvs)));
        Assert.DoesNotContain("option_will_fund", One(record), StringComparison.Ordinal);
        Assert.Contains("\"addresses\":[]", One(record), StringComparison.Ordinal);
    }

    [Fact]
    public void ANodeKnownOnlyFromConnectionsShowsOnlyItsId()
    {
        var record = Record(Id(2), null, new ConnectedAddress(PeerEndpoint.FromIp(IPAddress.Loopback, 9735), default));
        Assert.Equal("{\"nodeid\":\"" + Id(2) + "\"}", One(record));
    }

    [Fact]
    public void ConnectedAddressesAppearOnlyWhenAskedFor()
    {
        var record = Record(Id(2), null, new ConnectedAddress(PeerEndpoint.LocalSocket("/run/p"), default), new ConnectedAddress(PeerEndpoint.FromIp(IPAddress.IPv6Loopback, 9735), default));
        var json = One(record, includeConnected: true);
        Assert.StartsWith("{\"nodeid\":\"" + Id(2) + "\",\"connected_addresses\":[{\"type\":\"ipv6\",\"address\":\"::1\",\"port\":9735,\"last_connected\":", json, StringComparison.Ordinal);
        Assert.Contains("{\"type\":\"local socket\",\"socket\":\"/run/p\",\"last_connected\":", json, StringComparison.Ordinal);
    }
}
