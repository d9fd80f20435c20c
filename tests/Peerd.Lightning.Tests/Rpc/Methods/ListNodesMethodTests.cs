using Peerd.Lightning.Protocol.Messages;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Peerd.Lightning.Gossip;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Rpc.Methods;
using Peerd.Lightning.Tests.Gossip;
using Peerd.Lightning.Transport;
using Peerd.ClnRpc.Dispatch;
using Peerd.TestKit;
using static Peerd.Lightning.Tests.Gossip.Announcements;
using static Peerd.Lightning.Tests.Gossip.ChannelGossip;

namespace Peerd.Lightning.Tests.Rpc.Methods;

public sealed class ListNodesMethodTests
{
    private static readonly ShortChannelId A = ShortChannelId.From(800_000, 1, 0);

    private static async Task<string> CallAsync(RpcDispatcher dispatcher, string parameters) =>
        Encoding.UTF8.GetString(await dispatcher.HandleAsync(Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"listnodes\",\"params\":" + parameters + "}")));

    [Fact]
    public async Task TheGraphsNodesAndTheNodesWeConnectedToAreListedByIdInCoreLightningsShape()
    {
        using var dir = new TempDirectory();
        await using var h = new GraphHarness();
        using var book = AddressBook.Open(dir.File(AddressBook.FileName), h.Clock, NullLogger.Instance);
        var alias = NodeAnnouncement.Sign(Key(1), OurFeatures.Node, h.Now, [1, 2, 3], "q\"b\\s\u0001\u007f é", [IPv4("203.0.113.1")]);
        await h.FeedAsync(Announce(A, 1, 2), alias.ToArray());
        book.AcceptVerified(alias);
        book.RememberConnected(Id(3), PeerEndpoint.FromIp(IPAddress.Loopback, 9735));
        var dispatcher = new RpcDispatcher();
        dispatcher.Register(ListNodesMethod.Create(book, h.Graph));

        var text = await CallAsync(dispatcher, "[]");

        var nodes = JsonDocument.Parse(text).RootElement.GetProperty("result").GetProperty("nodes").EnumerateArray().ToList();
        var ids = nodes.Select(n => n.GetProperty("nodeid").GetString()!).ToList();
        Assert.Equal(new[] { Id(1), Id(2), Id(3) }.Select(i => i.ToString()).Order(StringComparer.Ordinal), ids);
        var first = nodes.Single(n => n.GetProperty("nodeid").GetString() == Id(1).ToString());
        Assert.Equal(["nodeid", "alias", "color", "last_timestamp", "features", "addresses"], first.EnumerateObject().Select(p => p.Name));
        Assert.Contains("\"alias\":\"q\\\"b\\\\s\\u0001\\u007F é\"", text, StringComparison.Ordinal); // ccan json_escape
        Assert.Equal("q\"b\\s\u0001\u007f é", first.GetProperty("alias").GetString());
        Assert.Equal("010203", first.GetProperty("color").GetString());

        // Node 2 has a channel but no announcement, node 3 only our connection: each just its id.
        Assert.All(nodes.Where(n => n.GetProperty("nodeid").GetString() != Id(1).ToString()), n => Assert.Single(n.EnumerateObject()));

        Assert.Equal(1, JsonDocument.Parse(await CallAsync(dispatcher, "[\"" + Id(2) + "\"]")).RootElement.GetProperty("result").GetProperty("nodes").GetArrayLength());
        Assert.Equal(0, JsonDocument.Parse(await CallAsync(dispatcher, "[\"" + Id(9) + "\"]")).RootElement.GetProperty("result").GetProperty("nodes").GetArrayLength());
    }

    [Fact]
    public async Task ManyNodesAreStreamedAcrossPieces()
    {
        using var dir = new TempDirectory();
        var clock = TestClock.Create();
        using var book = AddressBook.Open(dir.File(AddressBook.FileName), clock, NullLogger.Instance);
        int count = (2 * Tuning.ListNodesPerPiece) + 3;
        for (int n = 1; n <= count; n++)
        {
            book.RememberConnected(Id(n), PeerEndpoint.FromIp(IPAddress.Loopback, (ushort)(1000 + n)));
        }

        var dispatcher = new RpcDispatcher();
        dispatcher.Register(ListNodesMethod.Create(book));

        var nodes = JsonDocument.Parse(await CallAsync(dispatcher, "{}")).RootElement.GetProperty("result").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("nodeid").GetString()!).ToList();

        Assert.Equal(count, nodes.Count);
        Assert.Equal(nodes.Order(StringComparer.Ordinal), nodes);
    }
}
