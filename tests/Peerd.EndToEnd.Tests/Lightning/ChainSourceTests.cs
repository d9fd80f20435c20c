using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Peerd.Crypto;
using Peerd.EndToEnd.Tests.Infrastructure;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;

namespace Peerd.EndToEnd.Tests.Lightning;

/// <summary>
/// The daemon with Core Lightning's <c>bitcoin-*</c> options: it keeps a gossiped channel only when its funding output
/// is on the chain, unspent and the P2WSH of its bitcoin keys, says where it checks and drops the "not checked"
/// warning from <c>getinfo</c>, and starts and serves even when no bitcoind answers. A real bitcoind cannot run on this
/// machine; <see cref="TestBitcoind"/> answers bitcoind's JSON-RPC over real HTTP instead.
/// </summary>
public sealed class ChainSourceTests
{
    [Fact]
    public async Task WithBitcoinOptionsTheDaemonChecksFundingOutputsAndStartsWithoutABitcoind()
    {
        var port = ClosedPort();
        await using var peerd = await PeerdProcess.StartAsync(extraArguments: [$"--bitcoin-rpcport={port.ToString(CultureInfo.InvariantCulture)}", "--bitcoin-rpcuser=u", "--bitcoin-rpcpassword=p"]);
        await using var rpc = await peerd.RpcAsync();

        var info = await rpc.ResultAsync("getinfo", new JsonObject { ["details"] = true });

        Assert.False(info.ContainsKey("warning_gossip_unverified"));
        Assert.Contains($"Checking channel_announcement funding outputs through bitcoind at 127.0.0.1:{port}", peerd.ReadLog(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChannelIsKeptOnlyWhenItsFundingOutputIsUnspentOnTheChain()
    {
        await using var bitcoind = new TestBitcoind("rpc", "pw");
        var funded = SignedChannel.Of(StaticKey.Generate());
        var spent = SignedChannel.Of(StaticKey.Generate());
        Assert.True(ChannelAnnouncement.TryRead(funded, out var announcement, out _));
        Assert.True(ChannelAnnouncement.TryRead(spent, out var spentAnnouncement, out _));
        foreach (var channel in new[] { announcement!, spentAnnouncement! })
        {
            var id = channel.ShortChannelId;
            var txids = Enumerable.Range(0, (int)id.TransactionIndex + 1).Select(i => $"{id.Block:x8}{i:x56}").ToArray();
            bitcoind.AddBlock(id.Block, txids);
            if (channel == announcement)
            {
                bitcoind.AddUnspent(txids[^1], id.OutputIndex, FundingOutput.ScriptPubKey(channel), "0.05");
            }
        }

        await using var peerd = await PeerdProcess.StartAsync(extraArguments: [$"--bitcoin-rpcport={bitcoind.Port.ToString(CultureInfo.InvariantCulture)}", "--bitcoin-rpcuser=rpc", "--bitcoin-rpcpassword=pw"]);
        await using var gossiper = await RawLightningClient.ConnectAsync(peerd.Port);
        await gossiper.HandshakeAsync(peerd.NodeId);
        await gossiper.SendInitAsync(LightningNetwork.Regtest);
        await gossiper.ReadMessageOfTypeAsync(MessageType.Init);
        await using var rpc = await peerd.RpcAsync();
        async Task<int> ChannelsAsync() => (await rpc.ResultAsync("getinfo", new JsonObject { ["details"] = true }))["num_gossip_channels"]!.GetValue<int>();

        await gossiper.SendMessageAsync(spent);
        await Eventually.TrueAsync(() => bitcoind.Calls.GetValueOrDefault("gettxout") == 1, "the spent output looked up");
        await Task.Delay(200);
        Assert.Equal(0, await ChannelsAsync());

        await gossiper.SendMessageAsync(funded);
        await Eventually.TrueAsync(async () => await ChannelsAsync() == 1, "the funded channel kept");
        Assert.Equal(2, bitcoind.Calls["gettxout"]);
    }

    [Fact]
    public async Task WithoutThemTheWarningStays()
    {
        await using var peerd = await PeerdProcess.StartAsync();
        await using var rpc = await peerd.RpcAsync();

        var info = await rpc.ResultAsync("getinfo", new JsonObject { ["details"] = true });

        Assert.Contains("not checked on-chain", info["warning_gossip_unverified"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("through bitcoind", peerd.ReadLog(), StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
