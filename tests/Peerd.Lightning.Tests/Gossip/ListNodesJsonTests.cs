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
            var clock = new ManualClock();
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
