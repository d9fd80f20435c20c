using Peerd.Crypto;
using Peerd.EndToEnd.Tests.Infrastructure;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Lightning.Protocol.Noise;
using Peerd.Primitives;

namespace Peerd.EndToEnd.Tests.Lightning;

/// <summary>
/// Bad bytes on the wire close that one connection with a logged reason, and the daemon keeps serving the others.
/// </summary>
public sealed class HostileWireTests(PeerdFixture fixture) : IClassFixture<PeerdFixture>
{
    private PeerdProcess Daemon => fixture.Daemon;

    [Fact]
    public async Task AWrongActOneVersionClosesTheConnection()
    {
        var act = ValidActOne(Daemon.NodeId);
        act[0] = 1;
        await AssertRefusedAsync(act, "Protocol error (ActOneBadVersion)");
    }

    [Fact]
    public async Task AnInvalidEphemeralKeyClosesTheConnection()
    {
        var act = ValidActOne(Daemon.NodeId);
        act[1] = 0x04;
        await AssertRefusedAsync(act, "Protocol error (ActOneBadPubkey)");
    }

    [Fact]
    public async Task AnActOneForAnotherNodeFailsItsMacAndClosesTheConnection()
    {
        var someoneElse = Hex.Encode(StaticKey.Generate().PublicKey);
        await AssertRefusedAsync(ValidActOne(someoneElse), "Protocol error (ActOneBadTag)");
    }

    [Fact]
    public async Task EofInTheMiddleOfAnActIsLoggedAndClosed()
    {
        await using var client = await RawLightningClient.ConnectAsync(Daemon.Port);
        await client.SendRawAsync(ValidActOne(Daemon.NodeId)[..20]);
        client.ShutdownSend();
        Assert.True(await client.WaitClosedByPeerAsync());
        await LogAssert.ContainsAsync(Daemon, client.LocalAddress, "Cryptographic handshake", "peer closed connection");
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task AFrameWithABadLengthMacClosesTheConnection()
    {
        await using var client = await RawLightningClient.ConnectAsync(Daemon.Port);
        await client.HandshakeAsync(Daemon.NodeId);
        await client.SendInitAsync(LightningNetwork.Regtest);
        await client.ReadMessageOfTypeAsync(MessageType.Init);
        await client.SendRawAsync(new byte[Bolt8Constants.EncryptedLengthPrefixLength]);
        Assert.True(await client.WaitClosedByPeerAsync());
        await LogAssert.ContainsAsync(Daemon, Hex.Encode(client.Key.PublicKey), "disconnected: bad frame: BadLengthMac");
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task UnknownOddMessagesAreIgnoredAndAnUnknownEvenMessageCloses()
    {
        await using var client = await RawLightningClient.ConnectAsync(Daemon.Port);
        await client.HandshakeAsync(Daemon.NodeId);
        await client.SendInitAsync(LightningNetwork.Regtest);
        await client.ReadMessageOfTypeAsync(MessageType.Init);

        // An unknown odd type is ignored ("it's OK to be odd"); a ping after it still gets its pong.
        await client.SendMessageAsync([0x7f, 0xff, 1, 2, 3]);
        await client.SendMessageAsync(new PingMessage(4).ToArray());
        var pong = await client.ReadMessageOfTypeAsync(MessageType.Pong);
        Assert.Equal(2 + 2 + 4, pong.Length);

        // An unknown even type closes, with a warning first.
        await client.SendMessageAsync([0x7f, 0xfe]);
        var warning = await client.ReadMessageOfTypeAsync(MessageType.Warning);
        Assert.True(WarningMessage.TryDecode(warning, out var decoded, out _));
        Assert.Contains("32766", decoded!.DataText, StringComparison.Ordinal);
        Assert.True(await client.WaitClosedByPeerAsync());
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task ANoReplyPingGetsNoPong()
    {
        await using var client = await RawLightningClient.ConnectAsync(Daemon.Port);
        await client.HandshakeAsync(Daemon.NodeId);
        await client.SendInitAsync(LightningNetwork.Regtest);
        await client.ReadMessageOfTypeAsync(MessageType.Init);
        await client.SendMessageAsync(new PingMessage(65532).ToArray());
        await client.SendMessageAsync(new PingMessage(7).ToArray());
        var pong = await client.ReadMessageOfTypeAsync(MessageType.Pong);
        Assert.True(PongMessage.TryDecode(pong, out var decoded, out _));
        Assert.Equal(7, decoded!.BytesLength);
    }

    [Fact]
    public async Task APeerWithAnUnknownRequiredFeatureIsWarnedAndRefused()
    {
        await using var client = await RawLightningClient.ConnectAsync(Daemon.Port);
        await client.HandshakeAsync(Daemon.NodeId);
        await client.SendInitAsync(LightningNetwork.Regtest, Peerd.Lightning.Protocol.Features.FeatureBits.FromBits(1, 200));
        var warning = await client.ReadMessageOfTypeAsync(MessageType.Warning);
        Assert.True(WarningMessage.TryDecode(warning, out var decoded, out _));
        Assert.Equal("Unsupported feature 200", decoded!.DataText);
        Assert.True(await client.WaitClosedByPeerAsync());
    }

    [Fact]
    public async Task APeerOnAnotherChainIsWarnedAndRefused()
    {
        await using var client = await RawLightningClient.ConnectAsync(Daemon.Port);
        await client.HandshakeAsync(Daemon.NodeId);
        await client.SendInitAsync(LightningNetwork.Bitcoin);
        var warning = await client.ReadMessageOfTypeAsync(MessageType.Warning);
        Assert.True(WarningMessage.TryDecode(warning, out var decoded, out _));
        Assert.Equal("No common network", decoded!.DataText);
        Assert.True(await client.WaitClosedByPeerAsync());
    }

    private async Task AssertRefusedAsync(byte[] actOne, string reason)
    {
        await using var client = await RawLightningClient.ConnectAsync(Daemon.Port);
        await client.SendRawAsync(actOne);
        Assert.True(await client.WaitClosedByPeerAsync());
        await LogAssert.ContainsAsync(Daemon, client.LocalAddress, "Cryptographic handshake", reason);
        await AssertStillServingAsync();
    }

    private async Task AssertStillServingAsync()
    {
        await using var good = await RawLightningClient.ConnectAsync(Daemon.Port);
        await good.HandshakeAsync(Daemon.NodeId);
        await good.SendInitAsync(LightningNetwork.Regtest);
        await good.ReadMessageOfTypeAsync(MessageType.Init);
    }

    private static byte[] ValidActOne(string responderId)
    {
        var ephemeral = new byte[32];
        StaticKey.GeneratePrivateKey(ephemeral);
        var handshake = new InitiatorHandshake(StaticKey.Generate(), Hex.Decode(responderId), ephemeral);
        var act = new byte[Bolt8Constants.ActOneLength];
        handshake.WriteActOne(act);
        return act;
    }
}
