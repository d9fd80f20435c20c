using System.Globalization;
using System.Text.Json.Nodes;
using Peerd.Xrpl.Admin;
using Peerd.Xrpl.Protocol.Handshake;

namespace Peerd.Xrpl.Crawl;

/// <summary>The plain-HTTP pages the peer port serves instead of an upgrade (rippled's <c>OverlayImpl::processRequest</c>).</summary>
public enum PeerPortPage
{
    /// <summary>Not a page: the request goes on to the peer upgrade checks.</summary>
    None,

    /// <summary><c>/crawl</c>: the overlay and server summary for network crawlers.</summary>
    Crawl,

    /// <summary><c>/health</c>: healthy, warning or critical.</summary>
    Health,
}

/// <summary>
/// Recognises and answers <c>/crawl</c> and <c>/health</c> on the peer port. As rippled, only the target decides (an
/// exact match, before any upgrade check), and every answer is JSON with <c>Connection: close</c> in the request's HTTP
/// version. Pure: the peers and the server fields come in, the response bytes go out.
/// </summary>
public static class PeerPortPages
{
    /// <summary>Which page <paramref name="request"/> asks for, if any; <c>/crawl</c> only when <paramref name="crawlEnabled"/>.</summary>
    public static PeerPortPage Match(HttpRequestHead request, bool crawlEnabled)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Target switch
        {
            "/crawl" when crawlEnabled => PeerPortPage.Crawl,
            "/health" => PeerPortPage.Health,
            _ => PeerPortPage.None,
        };
    }

    /// <summary>The whole <c>200 OK</c> response to <c>/crawl</c>.</summary>
    public static byte[] Crawl(HttpRequestHead request, IEnumerable<CrawlPeer> peers, JsonObject? serverInfo, string softwareName) =>
        Respond(request, 200, "OK", CrawlJson.Build(peers, serverInfo), softwareName);

    /// <summary>The whole response to <c>/health</c>: 200, 503 or 500 with <c>{"info":{…}}</c>.</summary>
    public static byte[] Health(HttpRequestHead request, JsonObject serverInfo, string softwareName)
    {
        var (state, body) = HealthReport.Evaluate(serverInfo);
        var (code, reason) = HealthReport.Status(state);
        return Respond(request, code, reason, body, softwareName);
    }

    /// <summary>The response to <c>/vl/…</c>: 200 with the list, or an empty 400/404.</summary>
    public static byte[] ValidatorList(HttpRequestHead request, int code, JsonObject? body, string softwareName) => code switch
    {
        200 => Respond(request, 200, "OK", body!, softwareName),
        400 => Respond(request, 400, "Bad Request", null, softwareName),
        _ => Respond(request, 404, "Not Found", null, softwareName),
    };

    private static byte[] Respond(HttpRequestHead request, int code, string reason, JsonObject? body, string softwareName)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bytes = body is null ? [] : SortedJson.ToUtf8(body);
        var headers = new HttpHeaders()
            .Add(HeaderNames.Server, softwareName)
            .Add(HeaderNames.ContentType, "application/json")
            .Add(HeaderNames.Connection, "close")
            .Add(HeaderNames.ContentLength, bytes.Length.ToString(CultureInfo.InvariantCulture));
        var version = request.Version == "HTTP/1.0" ? "HTTP/1.0" : "HTTP/1.1";
        return new HttpResponseHead(code, reason, headers, version).ToBytes(bytes);
    }
}
