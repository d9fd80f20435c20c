using System.Globalization;
using Peerd.EndToEnd.Tests.Infrastructure;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Primitives;

namespace Peerd.EndToEnd.Tests.Lightning;

/// <summary>
/// A fresh install (empty graph) connects by node id alone through a BOLT 10 DNS seed served by a real DNS server:
/// the SRV record <c>l&lt;bech32 id&gt;._nodes._tcp.&lt;seed&gt;</c> names the node's host and port, whose A record
/// is its address.
/// </summary>
public sealed class DnsSeedTests
{
    private const string Seed = "seed.peerd.test";

    [Fact]
    public async Task AFreshInstallConnectsByIdThroughADnsSeed()
    {
        await using var target = await NodeLightningPeer.ListenAsync(SignedGraph.RegtestChain);
        var id = Hex.Decode(target.NodeId);
        var host = DnsSeedName.NodeHost(id, Seed);
        await using var dns = await Dnsmasq.StartAsync(
        [
            $"--srv-host={DnsSeedName.NodeService(id, Seed)},{host},{target.Port.ToString(CultureInfo.InvariantCulture)}",
            $"--host-record={host},127.0.0.1",
        ]);
        await using var peerd = await PeerdProcess.StartAsync(extraArguments: [$"--dns-seed={Seed}", $"--dns-seed-resolver=127.0.0.1:{dns.Port}"]);

        var result = await peerd.ConnectAsync(target.NodeId);
        Assert.Null(result["error"]);
        Assert.Equal("127.0.0.1", result["result"]!["address"]!["address"]!.GetValue<string>());
        Assert.Equal(target.Port, result["result"]!["address"]!["port"]!.GetValue<int>());
    }

    [Fact]
    public async Task WithDisableDnsNoSeedIsAskedAndConnectByIdFailsAsCoreLightningDoes()
    {
        await using var target = await NodeLightningPeer.ListenAsync(SignedGraph.RegtestChain);
        var id = Hex.Decode(target.NodeId);
        var host = DnsSeedName.NodeHost(id, Seed);
        await using var dns = await Dnsmasq.StartAsync([$"--srv-host={DnsSeedName.NodeService(id, Seed)},{host},{target.Port.ToString(CultureInfo.InvariantCulture)}", $"--host-record={host},127.0.0.1"]);
        await using var peerd = await PeerdProcess.StartAsync(extraArguments: [$"--dns-seed={Seed}", $"--dns-seed-resolver=127.0.0.1:{dns.Port}", "--disable-dns"]);

        var result = await peerd.ConnectAsync(target.NodeId);
        Assert.Equal(400, result["error"]!["code"]!.GetValue<int>());
    }
}
