using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Peerd.EndToEnd.Tests.Infrastructure;

namespace Peerd.EndToEnd.Tests.Lightning;

/// <summary>
/// The daemon with Core Lightning's <c>bitcoin-*</c> options: it says where it checks funding outputs and drops the
/// "not checked" warning from <c>getinfo</c>, and starts and serves even when no bitcoind answers (none runs on
/// this machine; the lookups themselves are tested against a JSON-RPC stand-in in Peerd.Lightning.Tests).
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
