using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Peerd.ClnRpc.Dispatch;
using Peerd.Lightning.Gossip;
using Peerd.Lightning.Node;
using Peerd.Lightning.Peers;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Rpc;
using Peerd.Lightning.Rpc.Methods;
using Peerd.Lightning.Tests.Gossip;
using Peerd.Lightning.Transport;
using static Peerd.Lightning.Tests.Gossip.Announcements;

namespace Peerd.Lightning.Tests.Rpc.Methods;

public sealed class GetInfoMethodTests
{
    private static readonly string[] CoreLightningKeys =
        ["id", "alias", "color", "num_peers", "num_pending_channels", "num_active_channels", "num_inactive_channels", "address",
         "binding", "version", "blockheight", "network", "fees_collected_msat", "lightning-dir", "our_features"];

    private static async Task<JsonElement> CallAsync(RpcDispatcher dispatcher, string parameters) =>
        JsonDocument.Parse(Encoding.UTF8.GetString(await dispatcher.HandleAsync(Encoding.UTF8.GetBytes(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"getinfo\",\"params\":" + parameters + "}")))).RootElement.GetProperty("result");

    [Fact]
    public async Task WithAChainSourceTheGraphIsCheckedAndTheChainWarningIsNotShown()
    {
        var local = new LocalNode(Key(1), LightningNetwork.Regtest, OurFeatures.Init, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
        await using var peers = new PeerManager(local, new PeerDialer(new DialerOptions()), TimeProvider.System, NullLogger.Instance);
        var info = new NodeInfo(local, "peerd", [1, 2, 3], "/tmp/peerd", "v0", [], []);
        var graph = new ChannelGraph(LightningNetwork.Regtest.ChainHash, TimeProvider.System) { FundingOutputsChecked = true };
        var dispatcher = new RpcDispatcher();
        dispatcher.Register(GetInfoMethod.Create(peers, info, graph, null));

        var details = await CallAsync(dispatcher, "{\"details\":true}");

        Assert.Equal([.. CoreLightningKeys, "num_gossip_channels", "num_gossip_nodes"], details.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task DetailsAddTheGossipSyncAfterPeerdsOtherExtensionsAndCoreLightningsKeysKeepTheirOrder()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_750_000_000));
        var local = new LocalNode(Key(1), LightningNetwork.Regtest, OurFeatures.Init, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
        await using var peers = new PeerManager(local, new PeerDialer(new DialerOptions()), TimeProvider.System, NullLogger.Instance);
        var info = new NodeInfo(local, "peerd", [1, 2, 3], "/tmp/peerd", "v0", [], []);
        await using var h = new GraphHarness();
        var progress = new GossipSyncProgress(clock);
        var dispatcher = new RpcDispatcher();
        dispatcher.Register(GetInfoMethod.Create(peers, info, h.Graph, progress));

        Assert.Equal(CoreLightningKeys, (await CallAsync(dispatcher, "[]")).EnumerateObject().Select(p => p.Name));
        var details = await CallAsync(dispatcher, "{\"details\":true}");
        Assert.Equal([.. CoreLightningKeys, "num_gossip_channels", "num_gossip_nodes", "warning_gossip_unverified", "gossip_sync"], details.EnumerateObject().Select(p => p.Name));
        Assert.Equal("{\"state\":\"not_started\",\"peers\":[]}", details.GetProperty("gossip_sync").GetRawText());

        progress.Asked(Id(2), 0);
        clock.Advance(TimeSpan.FromSeconds(3));
        progress.Record(Id(2), new GossipCounts(1, 2, 3), new GossipCounts(1, 2, 2));
        var sync = (await CallAsync(dispatcher, "{\"details\":true}")).GetProperty("gossip_sync");
        Assert.Equal(
            "{\"state\":\"syncing\",\"peers\":[{\"id\":\"" + Id(2) + "\",\"state\":\"receiving\",\"first_timestamp\":0,\"asked_at\":1750000000,"
            + "\"since\":1750000003,\"last_message_at\":1750000003,\"received\":{\"channel_announcement\":1,\"channel_update\":2,\"node_announcement\":3},"
            + "\"accepted\":{\"channel_announcement\":1,\"channel_update\":2,\"node_announcement\":2}}]}",
            sync.GetRawText());

        clock.Advance(progress.QuietPeriod);
        sync = (await CallAsync(dispatcher, "{\"details\":true}")).GetProperty("gossip_sync");
        Assert.Equal("synced", sync.GetProperty("state").GetString());
        Assert.Equal("done", sync.GetProperty("peers")[0].GetProperty("state").GetString());
        Assert.Equal(1_750_000_003 + (long)progress.QuietPeriod.TotalSeconds, sync.GetProperty("peers")[0].GetProperty("since").GetInt64());
    }
}
