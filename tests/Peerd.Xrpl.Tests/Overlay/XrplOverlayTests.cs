using System.Text.Json.Nodes;
using Peerd.Xrpl.Overlay;
using Peerd.Xrpl.Protocol.Handshake;
using Peerd.Xrpl.Tests.Support;

namespace Peerd.Xrpl.Tests.Overlay;

public class XrplOverlayTests
{
    private static JsonObject ConnectParams(TestNode target, bool wait = true) =>
        new() { ["ip"] = "127.0.0.1", ["port"] = target.PeerEndpoint.Port, ["wait"] = wait };

    [Fact]
    public async Task TwoNodesConnectOverTheAdminApiAndSeeEachOtherAsPeers()
    {
        await using var a = await TestNode.StartAsync(seed: "node a");
        await using var b = await TestNode.StartAsync(seed: "node b");

        var reply = await a.RpcAsync("connect", ConnectParams(b));
        var result = reply["result"]!.AsObject();
        Assert.Equal("success", (string?)result["status"]);
        Assert.Equal("connected", (string?)result["message"]);
        Assert.Equal(b.Node.PublicKey.ToBase58(), (string?)result["attempt"]!["public_key"]);
        Assert.Equal("XRPL/2.3", (string?)result["attempt"]!["protocol"]);

        var aPeers = (await a.RpcAsync("peers"))["result"]!["peers"]!.AsArray();
        var toB = Assert.Single(aPeers)!.AsObject();
        Assert.Equal(b.Node.PublicKey.ToBase58(), (string?)toB["public_key"]);
        Assert.Equal($"127.0.0.1:{b.PeerEndpoint.Port}", (string?)toB["address"]);
        Assert.Equal("XRPL/2.3", (string?)toB["protocol"]);
        Assert.False(toB.ContainsKey("inbound"));
        Assert.StartsWith("peerd-", (string?)toB["version"], StringComparison.Ordinal);

        var bPeers = (await b.RpcAsync("peers"))["result"]!["peers"]!.AsArray();
        var toA = Assert.Single(bPeers)!.AsObject();
        Assert.Equal(a.Node.PublicKey.ToBase58(), (string?)toA["public_key"]);
        Assert.True((bool)toA["inbound"]!);
        Assert.Equal("XRPL/2.3", (string?)toA["protocol"]);
        Assert.Equal("0", (string?)toA["metrics"]!["total_bytes_recv"]);
    }

    [Fact]
    public async Task PingsFlowAndGiveALatency()
    {
        // Short enough for a quick test, long enough that a busy test machine answers a ping before the next tick.
        await using var a = await TestNode.StartAsync(o => o with { PingInterval = TimeSpan.FromSeconds(1) });
        await using var b = await TestNode.StartAsync(o => o with { PingInterval = TimeSpan.FromSeconds(1) });
        await a.RpcAsync("connect", ConnectParams(b));

        var peerOfA = await Eventually.ValueAsync(() => a.Node.Overlay.Peers.FirstOrDefault(p => p.Latency is not null), "a pong reaches A");
        var peerOfB = await Eventually.ValueAsync(() => b.Node.Overlay.Peers.FirstOrDefault(p => p.Latency is not null), "a pong reaches B");
        Assert.True(peerOfA.BytesSent > 0 && peerOfA.BytesReceived > 0);
        Assert.True(peerOfB.MessagesReceived > 0);
        var json = (await a.RpcAsync("peers"))["result"]!["peers"]![0]!.AsObject();
        Assert.True(json.ContainsKey("latency"));
        Assert.NotEqual("0", (string?)json["metrics"]!["total_bytes_sent"]);
    }

    [Fact]
    public async Task APeerOnAnotherNetworkIsRefusedWithTheReason()
    {
        await using var a = await TestNode.StartAsync(o => o with { NetworkId = 1 });
        await using var b = await TestNode.StartAsync(o => o with { NetworkId = 2 });

        var result = (await a.RpcAsync("connect", ConnectParams(b)))["result"]!.AsObject();
        Assert.Equal("error", (string?)result["status"]);
        Assert.Equal("connectFailed", (string?)result["error"]);
        Assert.Equal("upgrade", (string?)result["attempt"]!["stage"]);
        Assert.Equal("Unable to upgrade to peer protocol: 400 Bad Request (Peer is on a different network)", (string?)result["attempt"]!["reason"]);

        var inbound = await Eventually.ValueAsync(() => b.Node.Overlay.Attempts.Snapshot().FirstOrDefault(s => s.Outcome == ConnectionOutcome.Failed), "B records the refusal");
        Assert.Equal(ConnectionDirection.Inbound, inbound.Direction);
        Assert.Equal(ConnectionStage.Verify, inbound.Stage);
        Assert.Equal("Peer is on a different network", inbound.FailureReason);
        Assert.Empty(a.Node.Overlay.Peers);
        Assert.Empty(b.Node.Overlay.Peers);
    }

    [Fact]
    public async Task APeerWhoseClockIsThirtySecondsOffIsRefused()
    {
        await using var a = await TestNode.StartAsync();
        await using var b = await TestNode.StartAsync(time: new OffsetTimeProvider(TimeSpan.FromSeconds(30)));

        var result = (await a.RpcAsync("connect", ConnectParams(b)))["result"]!.AsObject();
        Assert.Equal("connectFailed", (string?)result["error"]);
        Assert.Equal("Unable to upgrade to peer protocol: 400 Bad Request (Peer clock is too far off)", (string?)result["attempt"]!["reason"]);
        Assert.Contains("Peer clock is too far off", (string?)result["error_message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectingToOurselvesIsRefusedAsASelfConnection()
    {
        await using var a = await TestNode.StartAsync();
        var result = (await a.RpcAsync("connect", ConnectParams(a)))["result"]!.AsObject();
        Assert.Equal("connectFailed", (string?)result["error"]);
        Assert.Equal("Unable to upgrade to peer protocol: 400 Bad Request (Self connection)", (string?)result["attempt"]!["reason"]);
    }

    [Fact]
    public async Task AWrongSessionSignatureIsRefusedWithFailedToVerifySession()
    {
        await using var node = await TestNode.StartAsync();
        await using var raw = await RawPeer.HandshakeAsync(node.PeerEndpoint, headers =>
            headers.Set(HeaderNames.SessionSignature, UpgradeMessages.SignSession(Protocol.Identity.NodeIdentity.FromSeed(TestNode.Seed("someone else")), new byte[32])));
        Assert.Equal(400, raw.Response!.StatusCode);
        Assert.Equal("Bad Request (Failed to verify session)", raw.Response.Reason);
        Assert.Equal("close", raw.Response.Headers["Connection"]);
        Assert.Equal("127.0.0.1", raw.Response.Headers["Remote-Address"]);
        Assert.Null(await raw.ReadFrameAsync());
    }

    [Theory]
    [InlineData("Network-ID", "nope", "Invalid peer network identifier")]
    [InlineData("Network-Time", "12x", "Invalid peer clock timestamp")]
    [InlineData("Public-Key", "n9", "Bad node public key")]
    [InlineData("Server-Domain", "bad", "Invalid server domain")]
    public async Task EachVerifierFailureIsAnsweredWithItsReason(string header, string value, string reason)
    {
        await using var node = await TestNode.StartAsync();
        await using var raw = await RawPeer.HandshakeAsync(node.PeerEndpoint, headers => headers.Set(header, value));
        Assert.Equal($"Bad Request ({reason})", raw.Response!.Reason);
    }

    [Fact]
    public async Task NoCommonVersionIsRefused()
    {
        await using var node = await TestNode.StartAsync();
        await using var raw = await RawPeer.HandshakeAsync(node.PeerEndpoint, headers => headers.Set("Upgrade", "XRPL/2.0, XRPL/9.9"));
        Assert.Equal("Bad Request (Unable to agree on a protocol version)", raw.Response!.Reason);
    }

    [Fact]
    public async Task FullInboundSlotsAnswer503WithPeerIps()
    {
        await using var node = await TestNode.StartAsync(o => o with { MaxInboundPeers = 0 });
        await using var raw = await RawPeer.HandshakeAsync(node.PeerEndpoint);
        Assert.Equal(503, raw.Response!.StatusCode);
        Assert.Equal("application/json", raw.Response.Headers["Content-Type"]);
        var body = await raw.ReadBodyAsync(raw.Response.ContentLength);
        Assert.Equal("""{"peer-ips":[]}""", System.Text.Encoding.UTF8.GetString(body));

        await using var dialler = await TestNode.StartAsync();
        var result = (await dialler.RpcAsync("connect", ConnectParams(node)))["result"]!.AsObject();
        Assert.Equal("Unable to upgrade to peer protocol: 503 Service Unavailable", (string?)result["attempt"]!["reason"]);
    }

    [Fact]
    public async Task ConnectAsWithoutPeerIsRedirected()
    {
        await using var node = await TestNode.StartAsync();
        await using var raw = await RawPeer.HandshakeAsync(node.PeerEndpoint, headers => headers.Set("Connect-As", "Leaf"));
        Assert.Equal(503, raw.Response!.StatusCode);
    }

    [Fact]
    public async Task APlainHttpRequestForAnotherPathOnThePeerPortIsForbidden()
    {
        await using var node = await TestNode.StartAsync();
        await using var raw = await RawPeer.ConnectTlsAsync(node.PeerEndpoint);
        await raw.WriteAsync("GET / HTTP/1.1\r\n\r\n"u8.ToArray());
        var body = await raw.ReadBodyAsync(4096);
        Assert.StartsWith("HTTP/1.1 403 Forbidden\r\n", System.Text.Encoding.ASCII.GetString(body), StringComparison.Ordinal);
    }
}
