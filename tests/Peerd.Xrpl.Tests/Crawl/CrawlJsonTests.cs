using System.Net;
using System.Text.Json.Nodes;
using Peerd.Xrpl.Crawl;
using Peerd.Xrpl.Protocol.Identity;

namespace Peerd.Xrpl.Tests.Crawl;

public class CrawlJsonTests
{
    private static readonly NodePublicKey Key = NodeIdentity.FromSeed(FamilySeed.FromPassphrase("crawl peer")).PublicKey;

    private static CrawlPeer Peer(bool inbound = false, bool crawlPublic = false, string? version = "rippled-2.4.0", double seconds = 42.9) =>
        new(Key, inbound, TimeSpan.FromSeconds(seconds), crawlPublic, new IPEndPoint(IPAddress.Parse("::ffff:192.0.2.7"), 51235), version);

    [Fact]
    public void ThePublicKeyIsTheBase64OfTheThirtyThreeKeyBytes()
    {
        var json = CrawlJson.Peer(Peer());
        Assert.Equal(Convert.ToBase64String(Key.Bytes), (string?)json["public_key"]);
        Assert.Equal(33, Convert.FromBase64String((string)json["public_key"]!).Length);
    }

    [Fact]
    public void APrivatePeerIsListedWithoutAddressOrPort()
    {
        var json = CrawlJson.Peer(Peer(crawlPublic: false));
        Assert.Equal("out", (string?)json["type"]);
        Assert.Equal(42u, (uint)json["uptime"]!);
        Assert.Equal("rippled-2.4.0", (string?)json["version"]);
        Assert.False(json.ContainsKey("ip"));
        Assert.False(json.ContainsKey("port"));
    }

    [Fact]
    public void APublicOutboundPeerIsListedWithItsAddressAndListeningPort()
    {
        var json = CrawlJson.Peer(Peer(crawlPublic: true));
        Assert.Equal("192.0.2.7", (string?)json["ip"]);
        Assert.Equal(51235, (int)json["port"]!);
    }

    [Fact]
    public void APublicInboundPeerIsListedWithItsAddressButNotItsEphemeralPort()
    {
        var json = CrawlJson.Peer(Peer(inbound: true, crawlPublic: true));
        Assert.Equal("in", (string?)json["type"]);
        Assert.Equal("192.0.2.7", (string?)json["ip"]);
        Assert.False(json.ContainsKey("port"));
    }

    [Fact]
    public void AnUnknownVersionIsLeftOut()
    {
        Assert.False(CrawlJson.Peer(Peer(version: null)).ContainsKey("version"));
        Assert.False(CrawlJson.Peer(Peer(version: string.Empty)).ContainsKey("version"));
    }

    [Fact]
    public void WithoutPeersActiveIsAnEmptyArrayAndTheVersionIsTwo()
    {
        var body = CrawlJson.Build([], serverInfo: null);
        Assert.Empty(body["overlay"]!["active"]!.AsArray());
        Assert.Equal(2, (int)body["version"]!);
        Assert.False(body.ContainsKey("server"));
    }

    [Fact]
    public void TheServerSectionLosesTheFieldsRippledHidesFromCrawlers()
    {
        var info = new JsonObject
        {
            ["build_version"] = "0.1.0",
            ["hostid"] = "box",
            ["load_factor_fee_escalation"] = 1,
            ["load_factor_fee_queue"] = 1,
            ["validation_quorum"] = 28,
            ["validated_ledger"] = new JsonObject { ["age"] = 2, ["base_fee"] = 10, ["reserve_base_xrp"] = 1, ["reserve_inc_xrp"] = 0.2, ["seq"] = 5 },
        };
        var server = CrawlJson.Build([Peer()], info)["server"]!.AsObject();
        Assert.Equal(["build_version", "validated_ledger"], server.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["age", "seq"], server["validated_ledger"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.True(info.ContainsKey("hostid"));
    }
}
