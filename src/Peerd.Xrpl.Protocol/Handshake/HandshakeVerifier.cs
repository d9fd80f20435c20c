using System.Globalization;
using System.Net;
using Peerd.Xrpl.Protocol.Identity;

namespace Peerd.Xrpl.Protocol.Handshake;

/// <summary>
/// rippled's <c>verifyHandshake</c> without <c>Application&amp;</c>: checks the peer's handshake fields (request or
/// response) against this TLS session's shared value, our identity, the network we are on and our clock, in
/// rippled's order, and returns the peer's verified key or the first failure with rippled's exact text.
/// </summary>
public static class HandshakeVerifier
{
    /// <summary>"auto const tolerance = 20s": the largest clock difference accepted.</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromSeconds(20);

    /// <summary>Verifies a peer's handshake fields.</summary>
    /// <param name="sharedValue">This session's 32-byte shared value (<see cref="SharedValue"/>).</param>
    /// <param name="headers">The peer's request or response fields.</param>
    /// <param name="localKey">Our node public key (for the self-connection check).</param>
    /// <param name="networkId">The network we are on, if configured; a peer's <c>Network-ID</c> must then equal it.</param>
    /// <param name="now">Our clock.</param>
    /// <param name="remoteAddress">The address the peer connects from/to, for the <c>Local-IP</c> check (null to skip).</param>
    /// <param name="publicAddress">Our own public address if known, for the <c>Remote-IP</c> check (null: unknown).</param>
    public static HandshakeVerification Verify(
        ReadOnlySpan<byte> sharedValue,
        HttpHeaders headers,
        NodePublicKey localKey,
        uint? networkId,
        DateTimeOffset now,
        IPAddress? remoteAddress = null,
        IPAddress? publicAddress = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(localKey);
        if (sharedValue.Length != SharedValue.Length)
        {
            throw new ArgumentException("the shared value is 32 bytes", nameof(sharedValue));
        }

        if (headers.TryGet(HeaderNames.ServerDomain, out var domain) && !ServerDomain.IsProperlyFormed(domain))
        {
            return HandshakeVerification.Fail(HandshakeFailure.InvalidServerDomain, "Invalid server domain");
        }

        if (headers.TryGet(HeaderNames.NetworkId, out var nidText))
        {
            if (!TryParseUInt32(nidText, out var nid))
            {
                return HandshakeVerification.Fail(HandshakeFailure.InvalidNetworkId, "Invalid peer network identifier");
            }

            if (networkId is { } ours && nid != ours)
            {
                return HandshakeVerification.Fail(HandshakeFailure.WrongNetwork, "Peer is on a different network");
            }
        }

        // "It's not an error for the header field to not be present but if it is present and it contains junk
        // data, that is an error."
        if (headers.TryGet(HeaderNames.NetworkTime, out var timeText))
        {
            if (!TryParseUInt32(timeText, out var peerTime))
            {
                return HandshakeVerification.Fail(HandshakeFailure.InvalidNetworkTime, "Invalid peer clock timestamp");
            }

            var offset = (long)peerTime - NetworkTime.ToNetworkSeconds(now);
            if (Math.Abs(offset) > (long)ClockTolerance.TotalSeconds)
            {
                return HandshakeVerification.Fail(HandshakeFailure.ClockTooFarOff, "Peer clock is too far off");
            }
        }

        if (!headers.TryGet(HeaderNames.PublicKey, out var keyText) || !NodePublicKey.TryParse(keyText, out var peerKey))
        {
            return HandshakeVerification.Fail(HandshakeFailure.BadPublicKey, "Bad node public key");
        }

        if (!peerKey.IsSecp256k1)
        {
            return HandshakeVerification.Fail(HandshakeFailure.UnsupportedKeyType, "Unsupported public key type");
        }

        // "1) it verifies that the node we are talking to has access to the private key corresponding to the public
        // node identity it claims. 2) it verifies that our SSL session is end-to-end with that node and not through
        // a proxy that establishes two separate sessions."
        if (!headers.TryGet(HeaderNames.SessionSignature, out var signatureText))
        {
            return HandshakeVerification.Fail(HandshakeFailure.NoSessionSignature, "No session signature specified");
        }

        if (!TryDecodeBase64(signatureText, out var signature) || !peerKey.VerifyDigest(sharedValue, signature))
        {
            return HandshakeVerification.Fail(HandshakeFailure.SessionVerifyFailed, "Failed to verify session");
        }

        if (peerKey.Equals(localKey))
        {
            return HandshakeVerification.Fail(HandshakeFailure.SelfConnection, "Self connection");
        }

        var remote = remoteAddress is null ? null : PeerAddress.Normalize(remoteAddress);
        if (headers.TryGet(HeaderNames.LocalIp, out var localIpText))
        {
            if (!PeerAddress.TryParseStrict(localIpText, out var localIp))
            {
                return HandshakeVerification.Fail(HandshakeFailure.InvalidLocalIp, "Invalid Local-IP");
            }

            if (remote is not null && PeerAddress.IsPublic(remote) && !remote.Equals(localIp))
            {
                return HandshakeVerification.Fail(HandshakeFailure.LocalIpMismatch, $"Incorrect Local-IP: {remote} instead of {localIp}");
            }
        }

        if (headers.TryGet(HeaderNames.RemoteIp, out var remoteIpText))
        {
            if (!PeerAddress.TryParseStrict(remoteIpText, out var remoteIp))
            {
                return HandshakeVerification.Fail(HandshakeFailure.InvalidRemoteIp, "Invalid Remote-IP");
            }

            // "We know our public IP and peer reports our connection came from some other IP."
            if (remote is not null && PeerAddress.IsPublic(remote) && publicAddress is not null
                && !publicAddress.Equals(IPAddress.Any) && !publicAddress.Equals(IPAddress.IPv6Any)
                && !PeerAddress.Normalize(publicAddress).Equals(remoteIp))
            {
                return HandshakeVerification.Fail(HandshakeFailure.RemoteIpMismatch, $"Incorrect Remote-IP: {PeerAddress.Normalize(publicAddress)} instead of {remoteIp}");
            }
        }

        return new HandshakeVerification(HandshakeFailure.None, string.Empty, peerKey);
    }

    /// <summary>beast <c>lexicalCastChecked</c> into a 32-bit unsigned: decimal digits only, in range.</summary>
    internal static bool TryParseUInt32(string text, out uint value) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static bool TryDecodeBase64(string text, out byte[] bytes)
    {
        bytes = new byte[(text.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(text, bytes, out var written))
        {
            bytes = [];
            return false;
        }

        bytes = bytes[..written];
        return true;
    }
}
