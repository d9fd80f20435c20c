using Peerd.EndToEnd.Tests.Infrastructure;

namespace Peerd.EndToEnd.Tests.Faults;

/// <summary>
/// SIGTERM with work in flight: connected peers, a handshake half done and an RPC client connected. The daemon closes
/// every connection, removes its socket and lock, and exits 0. (An idle daemon:
/// <c>DaemonLifecycleTests.SigtermStopsCleanlyAndRemovesTheSocket</c>.)
/// </summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task SigtermClosesPeersHandshakesAndClientsThenExitsCleanly()
    {
        await using var daemon = await PeerdProcess.StartAsync();
        await using var first = await GoodPeer.ConnectAsync(daemon);
        await using var second = await GoodPeer.ConnectAsync(daemon);
        await using var halfway = await RawLightningClient.ConnectAsync(daemon.Port);
        await halfway.HandshakeAsync(daemon.NodeId);
        await using var rpc = await daemon.RpcAsync();
        await Lightning.NodeLightningInteropTests.WaitForPeerAsync(rpc, Peerd.Primitives.Hex.Encode(first.Key.PublicKey));
        await Lightning.NodeLightningInteropTests.WaitForPeerAsync(rpc, Peerd.Primitives.Hex.Encode(second.Key.PublicKey));

        daemon.Process.Signal(15);
        Assert.Equal(0, await daemon.Process.WaitForExitAsync());
        Assert.True(await first.WaitClosedByPeerAsync());
        Assert.True(await second.WaitClosedByPeerAsync());
        Assert.True(await halfway.WaitClosedByPeerAsync());
        await Assert.ThrowsAsync<EndOfStreamException>(rpc.ReadRawResponseAsync);
        Assert.False(File.Exists(daemon.RpcPath));
        Assert.False(File.Exists(Path.Combine(daemon.Directory, daemon.Network, "peerd.pid")));
        var log = daemon.ReadLog();
        Assert.Contains("Shutting down", log, StringComparison.Ordinal);
        Assert.Contains("disconnected: shutting down", log, StringComparison.Ordinal);
        Assert.DoesNotContain(" BROKEN ", log, StringComparison.Ordinal);
    }
}
