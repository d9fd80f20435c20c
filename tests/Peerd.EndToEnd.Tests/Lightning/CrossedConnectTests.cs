using System.Text.Json.Nodes;
using Peerd.EndToEnd.Tests.Infrastructure;

namespace Peerd.EndToEnd.Tests.Lightning;

/// <summary>
/// Two nodes dialling each other at the same moment (lnd #6788: both connections torn down) must end with one
/// connection that both ends agree on, and both connect calls succeed.
/// </summary>
public sealed class CrossedConnectTests
{
    [Fact]
    public async Task SimultaneousConnectsConvergeOnOneConnection()
    {
        await using var a = await PeerdProcess.StartAsync();
        await using var b = await PeerdProcess.StartAsync();
        for (var round = 0; round < 5; round++)
        {
            var results = await Task.WhenAll(a.ConnectAsync(b.NodeId, "127.0.0.1", b.Port), b.ConnectAsync(a.NodeId, "127.0.0.1", a.Port));
            Assert.All(results, r => Assert.NotNull(r["result"]));

            await using var ra = await a.RpcAsync();
            await using var rb = await b.RpcAsync();
            var fromA = await NodeLightningInteropTests.WaitForPeerAsync(ra, b.NodeId);
            var fromB = await NodeLightningInteropTests.WaitForPeerAsync(rb, a.NodeId);

            // Whichever connection survived, the two ends describe the same one: opposite directions.
            Assert.NotEqual(fromA["direction"]!.GetValue<string>(), fromB["direction"]!.GetValue<string>());

            // A further connect returns that connection at once.
            Assert.Equal(b.NodeId, (await ra.ResultAsync("connect", new JsonArray(b.NodeId)))["id"]!.GetValue<string>());
            await ra.ResultAsync("disconnect", new JsonArray(b.NodeId));
            await rb.WaitForNoPeersAsync();
        }
    }
}
