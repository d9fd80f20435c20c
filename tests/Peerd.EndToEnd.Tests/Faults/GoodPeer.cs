using Peerd.EndToEnd.Tests.Infrastructure;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Messages;

namespace Peerd.EndToEnd.Tests.Faults;

/// <summary>An honest peer: handshake, init, and a ping answered by a pong — what "still serving" means.</summary>
internal static class GoodPeer
{
    public static async Task<RawLightningClient> ConnectAsync(PeerdProcess daemon)
    {
        var client = await RawLightningClient.ConnectAsync(daemon.Port);
        try
        {
            await client.HandshakeAsync(daemon.NodeId);
            await client.SendInitAsync(LightningNetwork.Regtest);
            await client.ReadMessageOfTypeAsync(MessageType.Init);
            await PingAsync(client);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    public static async Task PingAsync(RawLightningClient client, ushort pongBytes = 8)
    {
        await client.SendMessageAsync(new PingMessage(pongBytes).ToArray());
        var pong = await client.ReadMessageOfTypeAsync(MessageType.Pong);
        Assert.True(PongMessage.TryDecode(pong, out var decoded, out _));
        Assert.Equal(pongBytes, decoded!.BytesLength);
    }
}
