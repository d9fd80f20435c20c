using System.Net;
using System.Net.Sockets;
using Peerd.Crypto;
using Peerd.EndToEnd.Tests.Infrastructure;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Lightning.Protocol.Noise;
using Peerd.Primitives;

namespace Peerd.EndToEnd.Tests.Faults;

/// <summary>
/// A peer that disappears at each step of the connection — with a reset in act one, after part of act three, before
/// its init, and silently after init (a half-open connection whose far end is gone) — costs one logged connection
/// and nothing else. (EOF in the middle of act one: <c>HostileWireTests.EofInTheMiddleOfAnActIsLoggedAndClosed</c>.)
/// </summary>
public sealed class VanishingPeerTests(PeerdFixture fixture) : IClassFixture<PeerdFixture>
{
    private PeerdProcess Daemon => fixture.Daemon;

    [Fact]
    public async Task AResetInTheMiddleOfActOneIsLoggedAndTheDaemonServesOn()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, Daemon.Port);
        var local = socket.LocalEndPoint!.ToString()!;
        await socket.SendAsync(new byte[20]);

        // Linger 0: close sends a reset instead of a FIN, as a crashed host's kernel would.
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
        await LogAssert.ContainsAsync(Daemon, local, "Cryptographic handshake");
        await using var good = await GoodPeer.ConnectAsync(Daemon);
    }

    [Fact]
    public async Task APeerThatVanishesHalfwayThroughActThreeIsLogged()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, Daemon.Port);
        var local = socket.LocalEndPoint!.ToString()!;
        var ephemeral = new byte[32];
        StaticKey.GeneratePrivateKey(ephemeral);
        var handshake = new InitiatorHandshake(StaticKey.Generate(), Hex.Decode(Daemon.NodeId), ephemeral);
        var act = new byte[Bolt8Constants.ActThreeLength];
        handshake.WriteActOne(act.AsSpan(0, Bolt8Constants.ActOneLength));
        await socket.SendAsync(act.AsMemory(0, Bolt8Constants.ActOneLength));
        using (var stream = new NetworkStream(socket, ownsSocket: false))
        {
            await stream.ReadExactlyAsync(act.AsMemory(0, Bolt8Constants.ActTwoLength));
        }

        Assert.Equal(HandshakeError.None, handshake.ReadActTwo(act.AsSpan(0, Bolt8Constants.ActTwoLength)));
        handshake.WriteActThree(act).Dispose();
        await socket.SendAsync(act.AsMemory(0, 30));
        socket.Shutdown(SocketShutdown.Send);
        await LogAssert.ContainsAsync(Daemon, local, "closed during Cryptographic handshake", "peer closed connection");
        await using var good = await GoodPeer.ConnectAsync(Daemon);
    }

    [Fact]
    public async Task APeerThatVanishesBeforeItsInitIsLogged()
    {
        await using var client = await RawLightningClient.ConnectAsync(Daemon.Port);
        await client.HandshakeAsync(Daemon.NodeId);
        client.ShutdownSend();
        Assert.True(await client.WaitClosedByPeerAsync());
        await LogAssert.ContainsAsync(Daemon, client.LocalAddress, "closed during Exchanging init messages", "peer closed connection");
        await using var good = await GoodPeer.ConnectAsync(Daemon);
    }

    [Fact]
    public async Task AConnectedPeerThatHalfClosesIsDisconnected()
    {
        await using var client = await GoodPeer.ConnectAsync(Daemon);
        client.ShutdownSend();
        Assert.True(await client.WaitClosedByPeerAsync());
        await LogAssert.ContainsAsync(Daemon, Hex.Encode(client.Key.PublicKey), "disconnected: peer closed connection");
    }
}

/// <summary>
/// A connection whose far end is gone without a FIN (a host that lost power, a NAT that forgot us) looks alive
/// forever at the socket level: the ping timer finds it. Short ping timings make this quick.
/// </summary>
public sealed class HalfOpenConnectionTests
{
    [Fact]
    public async Task APeerThatStopsAnsweringIsHungUpOnByThePingTimer()
    {
        await using var daemon = await PeerdProcess.StartAsync(extraArguments: ["--ping-idle-secs=1", "--pong-timeout-secs=2"]);
        await using var silent = await RawLightningClient.ConnectAsync(daemon.Port);
        await silent.HandshakeAsync(daemon.NodeId);
        await silent.SendInitAsync(LightningNetwork.Regtest);
        await silent.ReadMessageOfTypeAsync(MessageType.Init);

        // We read the daemon's ping but never answer it, like a peer whose process froze.
        await silent.ReadMessageOfTypeAsync(MessageType.Ping);
        Assert.True(await silent.WaitClosedByPeerAsync());
        await LogAssert.ContainsAsync(daemon, Hex.Encode(silent.Key.PublicKey), "disconnected: Last ping unreturned: hanging up");
        await using var good = await GoodPeer.ConnectAsync(daemon);
    }
}
