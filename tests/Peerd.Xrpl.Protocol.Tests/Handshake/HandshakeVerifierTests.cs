using System.Net;
using System.Security.Cryptography;
using Peerd.Xrpl.Protocol.Handshake;
using Peerd.Xrpl.Protocol.Identity;
using Peerd.Xrpl.Protocol.Tokens;

namespace Peerd.Xrpl.Protocol.Tests.Handshake;

public class HandshakeVerifierTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly NodeIdentity Peer = NodeIdentity.FromSeed(FamilySeed.FromPassphrase("peer"));
    private static readonly NodeIdentity Local = NodeIdentity.FromSeed(FamilySeed.FromPassphrase("local"));
    private static readonly byte[] Shared = SHA256.HashData("session"u8);
    private static readonly IPAddress Loopback = IPAddress.Loopback;

    private static HttpHeaders PeerHeaders(uint? networkId = 1, NodeIdentity? peer = null) =>
        UpgradeMessages.BuildRequest(peer ?? Peer, Shared, new HandshakeSettings("test-1.0", networkId), Now, Loopback).Headers;

    private static HandshakeVerification Verify(HttpHeaders headers, uint? networkId = 1, DateTimeOffset? now = null, IPAddress? remote = null, IPAddress? publicAddress = null) =>
        HandshakeVerifier.Verify(Shared, headers, Local.PublicKey, networkId, now ?? Now, remote ?? Loopback, publicAddress);

    [Fact]
    public void AcceptsAPeerThatSignedThisSession()
    {
        var result = Verify(PeerHeaders());
        Assert.True(result.IsValid);
        Assert.Equal(Peer.PublicKey, result.PeerKey);
        Assert.Equal(string.Empty, result.Reason);
    }

    [Fact]
    public void AcceptsAPeerWithoutNetworkIdOrTimeHeaders()
    {
        var headers = PeerHeaders(networkId: null).Remove(HeaderNames.NetworkTime);
        Assert.True(Verify(headers, networkId: 5).IsValid);
    }

    [Theory]
    [InlineData("x", "Invalid server domain")]
    [InlineData("-bad-.example.com", "Invalid server domain")]
    public void RefusesAMalformedServerDomain(string domain, string reason) =>
        AssertFails(PeerHeaders().Add(HeaderNames.ServerDomain, domain), HandshakeFailure.InvalidServerDomain, reason);

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("4294967296")]
    [InlineData("one")]
    [InlineData("+1")]
    [InlineData(" 1x")]
    public void RefusesANetworkIdThatIsNotAUInt32(string value) =>
        AssertFails(PeerHeaders().Set(HeaderNames.NetworkId, value), HandshakeFailure.InvalidNetworkId, "Invalid peer network identifier");

    [Fact]
    public void RefusesAPeerOnAnotherNetwork() =>
        AssertFails(PeerHeaders(networkId: 2), HandshakeFailure.WrongNetwork, "Peer is on a different network");

    [Fact]
    public void AnyNetworkIdIsAcceptedWhenWeHaveNone() => Assert.True(Verify(PeerHeaders(networkId: 2), networkId: null).IsValid);

    [Theory]
    [InlineData("")]
    [InlineData("-5")]
    [InlineData("12.5")]
    [InlineData("4294967296")]
    public void RefusesAJunkNetworkTime(string value) =>
        AssertFails(PeerHeaders().Set(HeaderNames.NetworkTime, value), HandshakeFailure.InvalidNetworkTime, "Invalid peer clock timestamp");

    [Theory]
    [InlineData(-21)]
    [InlineData(21)]
    [InlineData(30)]
    [InlineData(-3600)]
    public void RefusesAClockMoreThanTwentySecondsOff(int seconds) =>
        AssertFails(PeerHeaders(), HandshakeFailure.ClockTooFarOff, "Peer clock is too far off", now: Now.AddSeconds(seconds));

    [Theory]
    [InlineData(-20)]
    [InlineData(20)]
    [InlineData(0)]
    public void AcceptsAClockWithinTwentySeconds(int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(20), HandshakeVerifier.ClockTolerance);
        Assert.True(Verify(PeerHeaders(), now: Now.AddSeconds(seconds)).IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("n94a1u4jAz288pZLtw6yFWVbi89YamiC6JBXPVUj5zmExe5fTVg8")]
    [InlineData("snoPBrXtMeMyMHUVTgbuqAfg1SUTb")]
    public void RefusesAMissingOrBadPublicKey(string? value)
    {
        var headers = PeerHeaders();
        if (value is null)
        {
            headers.Remove(HeaderNames.PublicKey);
        }
        else
        {
            headers.Set(HeaderNames.PublicKey, value);
        }

        AssertFails(headers, HandshakeFailure.BadPublicKey, "Bad node public key");
    }

    [Fact]
    public void RefusesAnEd25519NodeKey()
    {
        var ed = new byte[33];
        ed[0] = 0xED;
        AssertFails(PeerHeaders().Set(HeaderNames.PublicKey, XrplBase58.EncodeToken(TokenType.NodePublic, ed)), HandshakeFailure.UnsupportedKeyType, "Unsupported public key type");
    }

    [Fact]
    public void RefusesAMissingSignature() =>
        AssertFails(PeerHeaders().Remove(HeaderNames.SessionSignature), HandshakeFailure.NoSessionSignature, "No session signature specified");

    [Fact]
    public void RefusesASignatureOfAnotherSession()
    {
        var other = UpgradeMessages.SignSession(Peer, SHA256.HashData("another session"u8));
        AssertFails(PeerHeaders().Set(HeaderNames.SessionSignature, other), HandshakeFailure.SessionVerifyFailed, "Failed to verify session");
    }

    [Fact]
    public void RefusesASignatureByAnotherKey()
    {
        var other = UpgradeMessages.SignSession(Local, Shared);
        AssertFails(PeerHeaders().Set(HeaderNames.SessionSignature, other), HandshakeFailure.SessionVerifyFailed, "Failed to verify session");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    public void RefusesAnUndecodableSignature(string value) =>
        AssertFails(PeerHeaders().Set(HeaderNames.SessionSignature, value), HandshakeFailure.SessionVerifyFailed, "Failed to verify session");

    [Fact]
    public void RefusesOurOwnKey() =>
        AssertFails(PeerHeaders(peer: Local), HandshakeFailure.SelfConnection, "Self connection");

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("1")]
    [InlineData("example.com")]
    public void RefusesAnInvalidLocalIp(string value) =>
        AssertFails(PeerHeaders().Add(HeaderNames.LocalIp, value), HandshakeFailure.InvalidLocalIp, "Invalid Local-IP");

    [Fact]
    public void RefusesALocalIpOtherThanThePublicAddressWeSee() =>
        AssertFails(PeerHeaders().Add(HeaderNames.LocalIp, "203.0.113.9"), HandshakeFailure.LocalIpMismatch, "Incorrect Local-IP: 198.51.100.7 instead of 203.0.113.9", remote: IPAddress.Parse("198.51.100.7"));

    [Fact]
    public void IgnoresLocalIpFromAPrivateAddress() =>
        Assert.True(Verify(PeerHeaders().Add(HeaderNames.LocalIp, "203.0.113.9"), remote: IPAddress.Parse("10.0.0.7")).IsValid);

    [Fact]
    public void RefusesAnInvalidRemoteIp() =>
        AssertFails(PeerHeaders().Add(HeaderNames.RemoteIp, "::g"), HandshakeFailure.InvalidRemoteIp, "Invalid Remote-IP");

    [Fact]
    public void RefusesARemoteIpOtherThanOurKnownPublicAddress() =>
        AssertFails(
            PeerHeaders().Add(HeaderNames.RemoteIp, "203.0.113.1"),
            HandshakeFailure.RemoteIpMismatch,
            "Incorrect Remote-IP: 192.0.2.44 instead of 203.0.113.1",
            remote: IPAddress.Parse("198.51.100.7"),
            publicAddress: IPAddress.Parse("192.0.2.44"));

    [Fact]
    public void ChecksInRippledsOrder()
    {
        // Everything is wrong: the first check (server domain) wins, then network id, then time, then key…
        var headers = PeerHeaders(networkId: 2, peer: Local).Set(HeaderNames.NetworkTime, "junk").Set(HeaderNames.ServerDomain, "x");
        Assert.Equal(HandshakeFailure.InvalidServerDomain, Verify(headers).Failure);
        headers.Remove(HeaderNames.ServerDomain);
        Assert.Equal(HandshakeFailure.WrongNetwork, Verify(headers).Failure);
        headers.Set(HeaderNames.NetworkId, "1");
        Assert.Equal(HandshakeFailure.InvalidNetworkTime, Verify(headers).Failure);
        headers.Remove(HeaderNames.NetworkTime);
        headers.Set(HeaderNames.SessionSignature, "AAAA");
        headers.Add(HeaderNames.LocalIp, "bad");
        Assert.Equal(HandshakeFailure.SessionVerifyFailed, Verify(headers).Failure);
        headers.Set(HeaderNames.SessionSignature, UpgradeMessages.SignSession(Local, Shared));
        Assert.Equal(HandshakeFailure.SelfConnection, Verify(headers).Failure);
    }

    private static void AssertFails(HttpHeaders headers, HandshakeFailure failure, string reason, DateTimeOffset? now = null, IPAddress? remote = null, IPAddress? publicAddress = null)
    {
        var result = Verify(headers, now: now, remote: remote, publicAddress: publicAddress);
        Assert.False(result.IsValid);
        Assert.Equal(failure, result.Failure);
        Assert.Equal(reason, result.Reason);
        Assert.Null(result.PeerKey);
    }
}
