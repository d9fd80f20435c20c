using System.Text;
using System.Text.Json.Nodes;
using Peerd.Xrpl.Crawl;
using Peerd.Xrpl.Protocol.Handshake;

namespace Peerd.Xrpl.Tests.Crawl;

public class PeerPortPagesTests
{
    private static HttpRequestHead Get(string target, string version = "HTTP/1.1") => new("GET", target, new HttpHeaders(), version);

    [Theory]
    [InlineData("/crawl", true, PeerPortPage.Crawl)]
    [InlineData("/crawl", false, PeerPortPage.None)]
    [InlineData("/health", true, PeerPortPage.Health)]
    [InlineData("/health", false, PeerPortPage.Health)]
    [InlineData("/", true, PeerPortPage.None)]
    [InlineData("/crawl/", true, PeerPortPage.None)]
    [InlineData("/crawl?x=1", true, PeerPortPage.None)]
    [InlineData("/CRAWL", true, PeerPortPage.None)]
    public void OnlyTheExactTargetsAreServed(string target, bool crawlEnabled, PeerPortPage expected) =>
        Assert.Equal(expected, PeerPortPages.Match(Get(target), crawlEnabled));

    [Fact]
    public void TheCrawlAnswerIsJsonThatClosesTheConnection()
    {
        var (head, body) = Split(PeerPortPages.Crawl(Get("/crawl"), [], new JsonObject { ["uptime"] = 5 }, "peerd-0.1.0"));
        const string Expected = """{"overlay":{"active":[]},"server":{"uptime":5},"version":2}""";
        Assert.Equal(Expected, body);
        Assert.Equal(
            $"HTTP/1.1 200 OK\r\nServer: peerd-0.1.0\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: {Encoding.UTF8.GetByteCount(Expected)}\r\n",
            head);
    }

    [Fact]
    public void AnHttp10RequestIsAnsweredInHttp10()
    {
        var (head, _) = Split(PeerPortPages.Crawl(Get("/crawl", "HTTP/1.0"), [], null, "peerd-0.1.0"));
        Assert.StartsWith("HTTP/1.0 200 OK\r\n", head, StringComparison.Ordinal);
    }

    [Fact]
    public void HealthWithoutALedgerIs500WithTheFindings()
    {
        var info = new JsonObject { ["peers"] = 0, ["server_state"] = "disconnected" };
        var (head, body) = Split(PeerPortPages.Health(Get("/health"), info, "peerd-0.1.0"));
        Assert.StartsWith("HTTP/1.1 500 Internal Server Error\r\n", head, StringComparison.Ordinal);
        Assert.Contains("Connection: close\r\n", head, StringComparison.Ordinal);
        Assert.Equal("""{"info":{"peers":0,"server_state":"disconnected","validated_ledger":-1}}""", body);
    }

    private static (string Head, string Body) Split(byte[] response)
    {
        var text = Encoding.UTF8.GetString(response);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (text[..(end + 2)], text[(end + 4)..]);
    }
}
