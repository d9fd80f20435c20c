using System.Globalization;
using System.Net;
using System.Text.Json;
using Peerd.Xrpl.Protocol.Identity;

namespace Peerd.Xrpl.Protocol.Handshake;

/// <summary>
/// Builds the upgrade request, the 101 response and the refusals (rippled <c>makeRequest</c>, <c>makeResponse</c>,
/// <c>buildHandshake</c>, <c>OverlayImpl::makeErrorResponse</c>/<c>makeRedirectResponse</c>).
/// </summary>
public static class UpgradeMessages
{
    /// <summary>The request an outbound peer sends right after TLS (no <c>Host</c>, no body).</summary>
    public static HttpRequestHead BuildRequest(NodeIdentity identity, ReadOnlySpan<byte> sharedValue, HandshakeSettings settings, DateTimeOffset now, IPAddress remoteAddress)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var headers = new HttpHeaders()
            .Add(HeaderNames.UserAgent, settings.SoftwareName)
            .Add(HeaderNames.Upgrade, ProtocolVersion.SupportedHeaderValue)
            .Add(HeaderNames.Connection, "Upgrade")
            .Add(HeaderNames.ConnectAs, "Peer")
            .Add(HeaderNames.Crawl, settings.CrawlPublic ? "public" : "private");
        AddIdentity(headers, identity, sharedValue, settings, now, remoteAddress);
        return new HttpRequestHead("GET", "/", headers);
    }

    /// <summary>The <c>101 Switching Protocols</c> a responder sends once every check passed.</summary>
    public static HttpResponseHead BuildSwitchingProtocols(NodeIdentity identity, ReadOnlySpan<byte> sharedValue, HandshakeSettings settings, DateTimeOffset now, IPAddress remoteAddress, ProtocolVersion version)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var headers = new HttpHeaders()
            .Add(HeaderNames.Connection, "Upgrade")
            .Add(HeaderNames.Upgrade, version.ToString())
            .Add(HeaderNames.ConnectAs, "Peer")
            .Add(HeaderNames.Server, settings.SoftwareName)
            .Add(HeaderNames.Crawl, settings.CrawlPublic ? "public" : "private");
        AddIdentity(headers, identity, sharedValue, settings, now, remoteAddress);
        return new HttpResponseHead(101, "Switching Protocols", headers);
    }

    /// <summary><c>HTTP/1.1 400 Bad Request (&lt;reason&gt;)</c> with <c>Connection: close</c>.</summary>
    public static HttpResponseHead BuildBadRequest(string reason, string softwareName, IPAddress remoteAddress)
    {
        ArgumentNullException.ThrowIfNull(remoteAddress);
        var headers = new HttpHeaders()
            .Add(HeaderNames.Server, softwareName)
            .Add(HeaderNames.RemoteAddress, PeerAddress.Normalize(remoteAddress).ToString())
            .Add(HeaderNames.Connection, "close")
            .Add(HeaderNames.ContentLength, "0");
        return new HttpResponseHead(400, $"Bad Request ({reason})", headers);
    }

    /// <summary>
    /// <c>HTTP/1.1 503 Service Unavailable</c> with a JSON body <c>{"peer-ips":[…]}</c>: other peers to try when our
    /// slots are full or the caller did not ask to connect as a peer.
    /// </summary>
    public static byte[] BuildRedirect(IEnumerable<string> peerIps, string softwareName, IPAddress remoteAddress)
    {
        ArgumentNullException.ThrowIfNull(remoteAddress);
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string[]> { ["peer-ips"] = [.. peerIps] });
        var headers = new HttpHeaders()
            .Add(HeaderNames.Server, softwareName)
            .Add(HeaderNames.RemoteAddress, PeerAddress.Normalize(remoteAddress).ToString())
            .Add(HeaderNames.ContentType, "application/json")
            .Add(HeaderNames.Connection, "close")
            .Add(HeaderNames.ContentLength, body.Length.ToString(CultureInfo.InvariantCulture));
        return new HttpResponseHead(503, "Service Unavailable", headers).ToBytes(body);
    }

    /// <summary>Reads the <c>peer-ips</c> of a 503 body; an empty list when the body is not what rippled sends.</summary>
    public static IReadOnlyList<string> ParseRedirectBody(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("peer-ips", out var ips) || ips.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return [.. ips.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that is not valid UTF-8.
            return [];
        }
    }

    /// <summary>The session signature: base64 of our DER signature of the shared value (rippled <c>signDigest</c>).</summary>
    public static string SignSession(NodeIdentity identity, ReadOnlySpan<byte> sharedValue)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return Convert.ToBase64String(identity.SignDigest(sharedValue));
    }

    private static void AddIdentity(HttpHeaders headers, NodeIdentity identity, ReadOnlySpan<byte> sharedValue, HandshakeSettings settings, DateTimeOffset now, IPAddress remoteAddress)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(remoteAddress);
        if (settings.NetworkId is { } networkId)
        {
            // "The network identifier, if configured, can be used to specify what network we intend to connect to
            // and detect if the remote end connects to the same network."
            headers.Add(HeaderNames.NetworkId, networkId.ToString(CultureInfo.InvariantCulture));
        }

        headers.Add(HeaderNames.NetworkTime, NetworkTime.ToNetworkSeconds(now).ToString(CultureInfo.InvariantCulture));
        headers.Add(HeaderNames.PublicKey, identity.PublicKey.ToBase58());
        headers.Add(HeaderNames.SessionSignature, SignSession(identity, sharedValue));
        if (settings.InstanceCookie is { } cookie)
        {
            headers.Add(HeaderNames.InstanceCookie, cookie.ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(settings.ServerDomain))
        {
            headers.Add(HeaderNames.ServerDomain, settings.ServerDomain);
        }

        var remote = PeerAddress.Normalize(remoteAddress);
        if (PeerAddress.IsPublic(remote))
        {
            headers.Add(HeaderNames.RemoteIp, remote.ToString());
        }

        if (settings.PublicAddress is { } publicAddress && !publicAddress.Equals(IPAddress.Any) && !publicAddress.Equals(IPAddress.IPv6Any))
        {
            headers.Add(HeaderNames.LocalIp, PeerAddress.Normalize(publicAddress).ToString());
        }
    }
}
