using System.Buffers;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Peerd.Xrpl.Protocol.Handshake;
using Peerd.Xrpl.Protocol.Identity;

namespace Peerd.Xrpl.Protocol.Tests.Handshake;

public class UpgradeMessagesTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly NodeIdentity Identity = NodeIdentity.FromSeed(FamilySeed.FromPassphrase("masterpassphrase"));
    private static readonly byte[] Shared = SHA256.HashData("session"u8);
    private static readonly HandshakeSettings Settings = new("peerd-0.1.0", NetworkId: 21338, InstanceCookie: 1234567890123UL);

    [Fact]
    public void RequestCarriesEveryHeaderOfThePeerUpgradeInRippledsOrder()
    {
        var request = UpgradeMessages.BuildRequest(Identity, Shared, Settings, Now, IPAddress.Parse("203.0.113.5"));
        Assert.Equal(
            ["User-Agent", "Upgrade", "Connection", "Connect-As", "Crawl", "Network-ID", "Network-Time", "Public-Key", "Session-Signature", "Instance-Cookie", "Remote-IP"],
            request.Headers.Select(h => h.Key));
        Assert.Equal("peerd-0.1.0", request.Headers["User-Agent"]);
        Assert.Equal("XRPL/2.1, XRPL/2.2, XRPL/2.3", request.Headers["Upgrade"]);
        Assert.Equal("Upgrade", request.Headers["Connection"]);
        Assert.Equal("Peer", request.Headers["Connect-As"]);
        Assert.Equal("private", request.Headers["Crawl"]);
        Assert.Equal("21338", request.Headers["Network-ID"]);
        Assert.Equal("802094400", request.Headers["Network-Time"]); // 2025-06-01T12:00:00Z − 2000-01-01
        Assert.Equal("n94a1u4jAz288pZLtw6yFWVbi89YamiC6JBXPVUj5zmExe5fTVg9", request.Headers["Public-Key"]);
        Assert.Equal("1234567890123", request.Headers["Instance-Cookie"]);
        Assert.Equal("203.0.113.5", request.Headers["Remote-IP"]);
        Assert.True(Identity.PublicKey.VerifyDigest(Shared, Convert.FromBase64String(request.Headers["Session-Signature"]!)));
    }

    [Fact]
    public void RequestOmitsRemoteIpForPrivateAddressesAndAddsLocalIpWhenKnown()
    {
        var settings = Settings with { PublicAddress = IPAddress.Parse("192.0.2.1"), ServerDomain = "example.com", NetworkId = null };
        var request = UpgradeMessages.BuildRequest(Identity, Shared, settings, Now, IPAddress.Loopback);
        Assert.False(request.Headers.Contains("Remote-IP"));
        Assert.False(request.Headers.Contains("Network-ID"));
        Assert.Equal("192.0.2.1", request.Headers["Local-IP"]);
        Assert.Equal("example.com", request.Headers["Server-Domain"]);
    }

    [Fact]
    public void RequestRoundTripsThroughTheParser()
    {
        var request = UpgradeMessages.BuildRequest(Identity, Shared, Settings, Now, IPAddress.Loopback);
        var bytes = request.ToBytes();
        Assert.StartsWith("GET / HTTP/1.1\r\nUser-Agent: peerd-0.1.0\r\n", Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\n", Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal(OperationStatus.Done, HttpHeadParser.TryParseRequest(new ReadOnlySequence<byte>(bytes), out var parsed, out _, out _));
        Assert.Equal(request.Headers.ToList(), parsed!.Headers.ToList());
        Assert.Equal(InboundUpgradeAction.Proceed, InboundUpgrade.Evaluate(parsed).Action);
        Assert.Equal("XRPL/2.3", InboundUpgrade.Evaluate(parsed).Version.ToString());
    }

    [Fact]
    public void SwitchingProtocolsRoundTripsAndNamesOneVersion()
    {
        var response = UpgradeMessages.BuildSwitchingProtocols(Identity, Shared, Settings, Now, IPAddress.Loopback, new ProtocolVersion(2, 2));
        var bytes = response.ToBytes();
        Assert.StartsWith("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: XRPL/2.2\r\nConnect-As: Peer\r\nServer: peerd-0.1.0\r\n", Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal(OperationStatus.Done, HttpHeadParser.TryParseResponse(new ReadOnlySequence<byte>(bytes), out var parsed, out _, out _));
        Assert.Equal(response.Headers.ToList(), parsed!.Headers.ToList());
        var outcome = OutboundUpgrade.Evaluate(parsed);
        Assert.True(outcome.Accepted);
        Assert.Equal(new ProtocolVersion(2, 2), outcome.Version);
        var verified = HandshakeVerifier.Verify(Shared, parsed.Headers, NodeIdentity.FromSeed(FamilySeed.FromPassphrase("x")).PublicKey, 21338, Now);
        Assert.Equal(Identity.PublicKey, verified.PeerKey);
    }

    [Fact]
    public void BadRequestCarriesTheReasonInTheStatusLine()
    {
        var bytes = UpgradeMessages.BuildBadRequest("Peer is on a different network", "peerd-0.1.0", IPAddress.Parse("::ffff:127.0.0.1")).ToBytes();
        Assert.Equal(
            "HTTP/1.1 400 Bad Request (Peer is on a different network)\r\nServer: peerd-0.1.0\r\nRemote-Address: 127.0.0.1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
            Encoding.ASCII.GetString(bytes));
        Assert.Equal(OperationStatus.Done, HttpHeadParser.TryParseResponse(new ReadOnlySequence<byte>(bytes), out var parsed, out _, out _));
        var outcome = OutboundUpgrade.Evaluate(parsed!);
        Assert.False(outcome.Accepted);
        Assert.Equal("Unable to upgrade to peer protocol: 400 Bad Request (Peer is on a different network)", outcome.Reason);
    }

    [Fact]
    public void RedirectIsA503WithPeerIpsJson()
    {
        var bytes = UpgradeMessages.BuildRedirect(["192.0.2.1:51235", "[2001:db8::1]:51235"], "peerd-0.1.0", IPAddress.Loopback);
        Assert.Equal(OperationStatus.Done, HttpHeadParser.TryParseResponse(new ReadOnlySequence<byte>(bytes), out var parsed, out var consumed, out _));
        Assert.Equal(503, parsed!.StatusCode);
        Assert.Equal("Service Unavailable", parsed.Reason);
        Assert.Equal("application/json", parsed.Headers["Content-Type"]);
        Assert.Equal("close", parsed.Headers["Connection"]);
        var body = new ReadOnlySequence<byte>(bytes).Slice(consumed).ToArray();
        Assert.Equal(parsed.ContentLength, body.Length);
        Assert.Equal("""{"peer-ips":["192.0.2.1:51235","[2001:db8::1]:51235"]}""", Encoding.UTF8.GetString(body));
        Assert.Equal(["192.0.2.1:51235", "[2001:db8::1]:51235"], UpgradeMessages.ParseRedirectBody(body));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"peer-ips\":5}")]
    [InlineData("not json")]
    public void ParseRedirectBodyToleratesJunk(string body) => Assert.Empty(UpgradeMessages.ParseRedirectBody(Encoding.UTF8.GetBytes(body)));
}
