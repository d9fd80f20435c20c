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
        // The pong deadline is short enough to pass several times during the test and long enough for a loaded
        // machine's test process to answer each ping; the first ping, answered while the test's crypto is compiled,
        // is waited for before the clock of the test starts.
        var pongTimeout = TimeSpan.FromSeconds(2);
        await using var daemon = await PeerdProcess.StartAsync(extraArguments: ["--ping-idle-secs=0.2", $"--pong-timeout-secs={pongTimeout.TotalSeconds}"]);
        await using var client = await RawLightningClient.ConnectAsync(daemon.Port);
        await client.HandshakeAsync(daemon.NodeId);
        await client.SendInitAsync(LightningNetwork.Regtest);
        await client.ReadMessageOfTypeAsync(MessageType.Init);
        await AnswerPingAsync(client);

        // Answered pings for more than twice the pong deadline: the daemon keeps pinging and keeps the peer.
        var answering = System.Diagnostics.Stopwatch.StartNew();
        var answered = 1;
        while (answering.Elapsed < pongTimeout * 2.5)
        {
            await AnswerPingAsync(client);
            answered++;
        }

        Assert.True(answered > 3, $"{answered} pings in {answering.Elapsed.TotalSeconds:F1} s");
        await using var rpc = await daemon.RpcAsync();
        var listed = await NodeLightningInteropTests.WaitForPeerAsync(rpc, Peerd.Primitives.Hex.Encode(client.Key.PublicKey));
        Assert.True(listed["connected"]!.GetValue<bool>());
        Assert.NotNull(listed["ping_ms"]);
        Assert.DoesNotContain("Last ping unreturned", daemon.ReadLog(), StringComparison.Ordinal);
    }

    private static async Task AnswerPingAsync(RawLightningClient client)
    {
        var ping = await client.ReadMessageOfTypeAsync(MessageType.Ping);
        Assert.True(PingMessage.TryDecode(ping, out var decoded, out _));
        await client.SendMessageAsync(new PongMessage(decoded!.NumPongBytes).ToArray());
    }
}
