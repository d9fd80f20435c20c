using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Peerd.Xrpl.Tests.Support;

namespace Peerd.Xrpl.Tests.Overlay;

/// <summary><c>/crawl</c> and <c>/health</c> served as plain HTTP over the peer port's TLS, as <c>curl -k</c> asks for them.</summary>
public class PeerPortHttpTests
{
    private static HttpClient Client() => new(new SocketsHttpHandler
    {
        // The peer port's certificate is self-signed by design (XRPL authenticates peers in the handshake, not by TLS).
        SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
    })
    { Timeout = TimeSpan.FromSeconds(30) };

    private static async Task<(HttpResponseMessage Response, JsonObject Body)> GetAsync(TestNode node, string path)
    {
        using var http = Client();
        var response = await http.GetAsync(new Uri($"https://127.0.0.1:{node.PeerEndpoint.Port}{path}"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return (response, body);
    }

    [Fact]
    public async Task CrawlListsTheConnectedPeerWithItsKeyButNotTheAddressOfAPrivatePeer()
    {
        await using var a = await TestNode.StartAsync(seed: "crawl a");
        await using var b = await TestNode.StartAsync(seed: "crawl b");
        await a.RpcAsync("connect", new JsonObject { ["ip"] = "127.0.0.1", ["port"] = b.PeerEndpoint.Port, ["wait"] = true });
        await Eventually.ValueAsync(() => b.Node.Overlay.Peers.FirstOrDefault(), "B sees A");

        var (response, body) = await GetAsync(b, "/crawl");
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
            Assert.True(response.Headers.ConnectionClose);
            Assert.StartsWith("peerd-", response.Headers.Server.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(2, (int)body["version"]!);
        var entry = Assert.Single(body["overlay"]!["active"]!.AsArray())!.AsObject();
        Assert.Equal(Convert.ToBase64String(a.Node.PublicKey.Bytes), (string?)entry["public_key"]);
        Assert.Equal("in", (string?)entry["type"]);
        Assert.StartsWith("peerd-", (string?)entry["version"], StringComparison.Ordinal);
        Assert.False(entry.ContainsKey("ip"), "Peerd says Crawl: private, so its address is not listed");

        var server = body["server"]!.AsObject();
        Assert.Equal(b.Node.PublicKey.ToBase58(), (string?)server["pubkey_node"]);
        Assert.Equal("connected", (string?)server["server_state"]);
        Assert.False(server.ContainsKey("hostid"));
        Assert.False(server.ContainsKey("ports"));
    }

    [Fact]
    public async Task APeerThatSaysCrawlPublicIsListedWithItsAddress()
    {
        await using var node = await TestNode.StartAsync();
        await using var raw = await RawPeer.HandshakeAsync(node.PeerEndpoint, headers => headers.Set("Crawl", "Public"));
        Assert.Equal(101, raw.Response!.StatusCode);
        await Eventually.ValueAsync(() => node.Node.Overlay.Peers.FirstOrDefault(), "the raw peer is active");

        var (response, body) = await GetAsync(node, "/crawl");
        response.Dispose();
        var entry = Assert.Single(body["overlay"]!["active"]!.AsArray())!.AsObject();
        Assert.Equal(Convert.ToBase64String(raw.Identity.PublicKey.Bytes), (string?)entry["public_key"]);
        Assert.Equal("127.0.0.1", (string?)entry["ip"]);
        Assert.False(entry.ContainsKey("port"), "an inbound peer's remote port is not where it listens");
        Assert.Equal("raw-peer-1.0", (string?)entry["version"]);
    }

    [Fact]
    public async Task HealthIsCriticalForANodeWithoutAValidatedLedger()
    {
        await using var node = await TestNode.StartAsync();
        var (response, body) = await GetAsync(node, "/health");
        using (response)
        {
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        }

        Assert.Equal(-1, (int)body["info"]!["validated_ledger"]!);
        Assert.Equal(0, (int)body["info"]!["peers"]!);
        Assert.Equal("disconnected", (string?)body["info"]!["server_state"]);
    }

    [Fact]
    public async Task WithCrawlDisabledTheCrawlPageIsForbiddenLikeAnyOtherPlainRequest()
    {
        await using var node = await TestNode.StartAsync(o => o with { Crawl = false });
        await using var raw = await RawPeer.ConnectTlsAsync(node.PeerEndpoint);
        await raw.WriteAsync("GET /crawl HTTP/1.1\r\n\r\n"u8.ToArray());
        var reply = Encoding.ASCII.GetString(await raw.ReadBodyAsync(4096));
        Assert.StartsWith("HTTP/1.1 403 Forbidden\r\n", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCrawlAnswerEndsWithTheServerClosingTheConnection()
    {
        await using var node = await TestNode.StartAsync();
        await using var raw = await RawPeer.ConnectTlsAsync(node.PeerEndpoint);
        await raw.WriteAsync("GET /crawl HTTP/1.0\r\n\r\n"u8.ToArray());
        var reply = Encoding.UTF8.GetString(await raw.ReadBodyAsync(1 << 20));
        Assert.StartsWith("HTTP/1.0 200 OK\r\n", reply, StringComparison.Ordinal);
        Assert.EndsWith("\"version\":2}", reply, StringComparison.Ordinal);
    }
}
