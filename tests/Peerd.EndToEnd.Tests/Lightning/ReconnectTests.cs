using Peerd.Crypto;
using Peerd.EndToEnd.Tests.Infrastructure;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Primitives;

namespace Peerd.EndToEnd.Tests.Lightning;

/// <summary>A node that connects again replaces its old connection: the one it opened last stands.</summary>
public sealed class ReconnectTests
{
    [Fact]
    public async Task AConnectionBegunEarlierButFinishedLaterDoesNotReplaceTheNewerOne()
    {
        await using var daemon = await PeerdProcess.StartAsync();
        var key = StaticKey.Generate();
        var id = Hex.Encode(key.PublicKey);

        // The first connection stops after its handshake; the same node then connects again, all the way.
        await using var older = await RawLightningClient.ConnectAsync(daemon.Port, key);
        await older.HandshakeAsync(daemon.NodeId);
        await using var newer = await RawLightningClient.ConnectAsync(daemon.Port, key);
        await newer.HandshakeAsync(daemon.NodeId);
        await newer.SendInitAsync(LightningNetwork.Regtest);
        await newer.ReadMessageOfTypeAsync(MessageType.Init);
        await using var rpc = await daemon.RpcAsync();
        await NodeLightningInteropTests.WaitForPeerAsync(rpc, id);

        // Now the first one finishes its init: it is the stale one, and it goes.
        await older.SendInitAsync(LightningNetwork.Regtest);
        Assert.True(await older.WaitClosedByPeerAsync());
        await LogAssert.ContainsAsync(daemon, id, "replaced by a newer connection");

        // The newer connection still works.
        await newer.SendMessageAsync(new PingMessage(4, 0).ToArray());
        var pong = await newer.ReadMessageOfTypeAsync(MessageType.Pong);
        Assert.Equal(2 + 2 + 4, pong.Length);
        var listed = await NodeLightningInteropTests.WaitForPeerAsync(rpc, id);
        Assert.Equal("in", listed["direction"]!.GetValue<string>());
    }
}
