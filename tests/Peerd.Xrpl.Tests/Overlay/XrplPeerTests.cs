using Peerd.Xrpl.Protocol.Framing;
using Peerd.Xrpl.Protocol.Messages;
using Peerd.Xrpl.Tests.Support;

namespace Peerd.Xrpl.Tests.Overlay;

public class XrplPeerTests
{
    [Fact]
    public async Task EveryPingIsAnsweredWithAPongOfTheSameSequence()
    {
        await using var node = await TestNode.StartAsync();
        await using var raw = await RawPeer.HandshakeAsync(node.PeerEndpoint);
        Assert.Equal(101, raw.Response!.StatusCode);
        await raw.SendAsync(new TMPing { Type = TMPing.Types.pingType.PtPing, Seq = 4242, PingTime = 7 });
        var pong = await raw.ReadMessageAsync(XrplMessageType.Ping, TMPing.Parser);
        Assert.NotNull(pong);
        Assert.Equal(TMPing.Types.pingType.PtPong, pong.Type);
        Assert.Equal(4242u, pong.Seq);
        Assert.Equal(7ul, pong.PingTime);
    }

    [Fact]
    public async Task UnknownMessageTypesAreIgnored()
    {
        await using var node = await TestNode.StartAsync();
        await using var raw = await RawPeer.HandshakeAsync(node.PeerEndpoint);
        await raw.WriteAsync(XrplFrameWriter.Encode((XrplMessageType)999, new byte[] { 1, 2, 3 }));
        await raw.SendAsync(new TMPing { Type = TMPing.Types.pingType.PtPing, Seq = 1 });
        Assert.Equal(1u, (await raw.ReadMessageAsync(XrplMessageType.Ping, TMPing.Parser))!.Seq);
    }

    [Fact]
    public async Task AKnownTypeThatDoesNotParseDropsThePeer()
    {
        await using var node = await TestNode.StartAsync();
        await using var raw = await RawPeer.HandshakeAsync(node.PeerEndpoint);
        await raw.WriteAsync(XrplFrameWriter.Encode(XrplMessageType.Ping, new byte[] { 0x08 }));
        Assert.Null(await raw.ReadFrameAsync());
        var attempt = await Eventually.ValueAsync(() => node.Node.Overlay.Attempts.Snapshot().FirstOrDefault(a => a.CloseReason is not null), "the session is recorded as closed");
        Assert.Equal("Malformed Ping message", attempt.CloseReason);
    }

    [Fact]
    public async Task ACompressedFrameThatWasNotNegotiatedDropsThePeer()
    {
        await using var node = await TestNode.StartAsync();
        await using var raw = await RawPeer.HandshakeAsync(node.PeerEndpoint);
        await raw.WriteAsync([0x90, 0, 0, 1, 0, 3, 0, 0, 0, 1, 0]);
        Assert.Null(await raw.ReadFrameAsync());
        var attempt = await Eventually.ValueAsync(() => node.Node.Overlay.Attempts.Snapshot().FirstOrDefault(a => a.CloseReason is not null), "the session is recorded as closed");
        Assert.Equal("Bad frame: CompressionNotNegotiated", attempt.CloseReason);
    }

    [Fact]
    public async Task EndpointsGoIntoTheEndpointCache()
    {
        await using var node = await TestNode.StartAsync();
        await using var raw = await RawPeer.HandshakeAsync(node.PeerEndpoint);
        var endpoints = new TMEndpoints { Version = 2 };
        endpoints.EndpointsV2.Add(new TMEndpoints.Types.TMEndpointv2 { Endpoint = "192.0.2.7:51235", Hops = 1 });
        endpoints.EndpointsV2.Add(new TMEndpoints.Types.TMEndpointv2 { Endpoint = "[2001:db8::7]:51235", Hops = 2 });
        endpoints.EndpointsV2.Add(new TMEndpoints.Types.TMEndpointv2 { Endpoint = "junk", Hops = 2 });
        endpoints.EndpointsV2.Add(new TMEndpoints.Types.TMEndpointv2 { Endpoint = "[::]:51235", Hops = 0 }); // the sender itself: loopback here
        endpoints.EndpointsV2.Add(new TMEndpoints.Types.TMEndpointv2 { Endpoint = "10.0.0.1:51235", Hops = 1 });
        await raw.SendAsync(endpoints);

        // A second message within rippled's 151 s is not taken.
        var again = new TMEndpoints { Version = 2 };
        again.EndpointsV2.Add(new TMEndpoints.Types.TMEndpointv2 { Endpoint = "198.51.100.1:51235", Hops = 1 });
        await raw.SendAsync(again);
        await raw.SendAsync(new TMPing { Type = TMPing.Types.pingType.PtPing, Seq = 9 });
        await raw.ReadMessageAsync(XrplMessageType.Ping, TMPing.Parser);
        var cache = node.Node.Overlay.EndpointCache.Snapshot();
        Assert.Equal(["192.0.2.7:51235", "[2001:db8::7]:51235"], cache.Select(e => e.Endpoint).Order());
        Assert.Equal([2u, 3u], cache.Select(e => e.Hops).Order());
        Assert.All(cache, e => Assert.Equal(raw.Identity.PublicKey.ToBase58(), e.Source));
    }

    [Fact]
    public async Task APeerThatDoesNotAnswerPingsIsDroppedWithPingTimeout()
    {
        await using var node = await TestNode.StartAsync(o => o with { PingInterval = TimeSpan.FromMilliseconds(100) });
        await using var raw = await RawPeer.HandshakeAsync(node.PeerEndpoint);
        var ping = await raw.ReadMessageAsync(XrplMessageType.Ping, TMPing.Parser);
        Assert.Equal(TMPing.Types.pingType.PtPing, ping!.Type);
        Assert.True(ping.HasSeq);
        Assert.Null(await raw.ReadMessageAsync(XrplMessageType.Squelch, TMSquelch.Parser));
        var attempt = await Eventually.ValueAsync(() => node.Node.Overlay.Attempts.Snapshot().FirstOrDefault(a => a.CloseReason is not null), "the session is recorded as closed");
        Assert.Equal("Ping Timeout", attempt.CloseReason);
    }
}
