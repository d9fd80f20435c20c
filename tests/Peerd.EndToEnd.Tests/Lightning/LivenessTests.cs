using Peerd.EndToEnd.Tests.Infrastructure;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Messages;

namespace Peerd.EndToEnd.Tests.Lightning;

/// <summary>The ping policy: an idle line is pinged, and a peer that leaves the ping unanswered is dropped.</summary>
public sealed class LivenessTests
{
    [Fact]
    public async Task APeerThatDoesNotAnswerPingsIsDropped()
    {
        await using var daemon = await PeerdProcess.StartAsync(extraArguments: ["--ping-idle-secs=0.2", "--pong-timeout-secs=0.4"]);
        await using var client = await RawLightningClient.ConnectAsync(daemon.Port);
        await client.HandshakeAsync(daemon.NodeId);
        await client.SendInitAsync(LightningNetwork.Regtest);
        await client.ReadMessageOfTypeAsync(MessageType.Init);

        var ping = await client.ReadMessageOfTypeAsync(MessageType.Ping);
        Assert.True(PingMessage.TryDecode(ping, out var decoded, out _));
        Assert.True(decoded!.RequiresPong);

        // We never answer: the daemon hangs up and says why.
        Assert.True(await client.WaitClosedByPeerAsync());
        await LogAssert.ContainsAsync(daemon, Peerd.Primitives.Hex.Encode(client.Key.PublicKey), "Last ping unreturned: hanging up");
    }

    [Fact]
    public async Task APeerThatAnswersPingsStays()
    {
        // A generous pong deadline: the test process may be slow to read (its first crypto calls are compiled
        // then); the daemon still has to see each pong, or it sends no further ping and ping_ms stays unset.
        await using var daemon = await PeerdProcess.StartAsync(extraArguments: ["--ping-idle-secs=0.2", "--pong-timeout-secs=10"]);
        await using var client = await RawLightningClient.ConnectAsync(daemon.Port);
        await client.HandshakeAsync(daemon.NodeId);
        await client.SendInitAsync(LightningNetwork.Regtest);
        await client.ReadMessageOfTypeAsync(MessageType.Init);
        for (var i = 0; i < 3; i++)
        {
            var ping = await client.ReadMessageOfTypeAsync(MessageType.Ping);
            Assert.True(PingMessage.TryDecode(ping, out var decoded, out _));
            await client.SendMessageAsync(new PongMessage(decoded!.NumPongBytes).ToArray());
        }

        await using var rpc = await daemon.RpcAsync();
        var listed = await NodeLightningInteropTests.WaitForPeerAsync(rpc, Peerd.Primitives.Hex.Encode(client.Key.PublicKey));
        Assert.NotNull(listed["ping_ms"]);
    }
}
