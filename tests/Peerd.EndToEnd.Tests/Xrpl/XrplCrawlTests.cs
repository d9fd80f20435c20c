using Peerd.TestKit;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Peerd.EndToEnd.Tests.Infrastructure;
using Peerd.Xrpl.Protocol.Identity;

namespace Peerd.EndToEnd.Tests.Xrpl;

/// <summary>
/// rippled's crawl page as a network crawler reads it: two <c>peerd --xrpl</c> daemons peered, then
/// <c>GET https://…:peer-port/crawl</c> over the peer port's TLS with certificate checks off (as <c>curl -k</c>).
/// </summary>
public sealed class XrplCrawlTests
{

    [Fact]
    public async Task CrawlOnThePeerPortListsTheOtherDaemonByItsPublicKey()
    {
        await using var a = await PeerdProcess.StartAsync(extraArguments: XrplDaemon.Arguments);
        await using var b = await PeerdProcess.StartAsync(extraArguments: XrplDaemon.Arguments);
        var (aKey, aPeer, aAdmin) = await XrplDaemon.EndpointsAsync(a);
        var (bKey, bPeer, _) = await XrplDaemon.EndpointsAsync(b);

        using var http = new HttpClient(new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true } })
        {
            Timeout = ChildProcess.Deadline,
        };
        using var connect = new StringContent($$"""{"method":"connect","params":[{"ip":"127.0.0.1","port":{{bPeer}},"wait":true}]}""");
        var connected = JsonNode.Parse(await (await http.PostAsync(new Uri($"http://127.0.0.1:{aAdmin}/"), connect)).Content.ReadAsStringAsync())!;
        Assert.Equal("success", connected["result"]!["status"]!.GetValue<string>());

        var fromB = await WaitForActiveAsync(http, bPeer, Base64(aKey));
        Assert.Equal("in", fromB["type"]!.GetValue<string>());
        var fromA = await WaitForActiveAsync(http, aPeer, Base64(bKey));
        Assert.Equal("out", fromA["type"]!.GetValue<string>());
        Assert.Null(fromA["ip"]);

        using var response = await http.GetAsync(new Uri($"https://127.0.0.1:{aPeer}/crawl"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.ConnectionClose);
        var crawl = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(2, crawl["version"]!.GetValue<int>());
        Assert.Equal(aKey, crawl["server"]!["pubkey_node"]!.GetValue<string>());
    }

    private static string Base64(string nodeKey)
    {
        Assert.True(NodePublicKey.TryParse(nodeKey, out var key), nodeKey);
        return Convert.ToBase64String(key.Bytes);
    }

    private static async Task<JsonObject> WaitForActiveAsync(HttpClient http, int peerPort, string publicKey)
    {
        return await Eventually.ValueAsync(
            async () =>
            {
                var crawl = JsonNode.Parse(await http.GetStringAsync(new Uri($"https://127.0.0.1:{peerPort}/crawl")))!;
                return crawl["overlay"]!["active"]!.AsArray().FirstOrDefault(p => p!["public_key"]!.GetValue<string>() == publicKey)?.AsObject();
            },
            $"{publicKey} in /crawl on port {peerPort}");
    }
}
