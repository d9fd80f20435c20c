using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Peerd.Xrpl.Tests.Support;
using Peerd.Xrpl.Validators;

namespace Peerd.Xrpl.Tests.Validators;

/// <summary>
/// Lists fetched from an https site (a local server this test starts, with its own certificate), served back at
/// <c>/vl/&lt;key&gt;</c> on the peer port, and shown by the admin views.
/// </summary>
public sealed class ValidatorListServingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("peerd-vl-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task AListFetchedOverHttpsIsVerifiedServedAndShown()
    {
        var fixtures = await ValidatorFixtures.BuildAsync();
        var (certificate, pem) = SiteCertificate();
        await using var site = await StartSiteAsync(certificate, fixtures.Data["lists"]!["v2"]!.ToJsonString());
        var uri = $"https://127.0.0.1:{site.Urls.Select(u => new Uri(u).Port).Single()}/";
        await using var node = await TestNode.StartAsync(o => o with
        {
            TrustAnchors = fixtures.Anchors with { Sites = [uri] },
            SslVerifyFile = pem,
        });

        var entry = await Eventually.ValueAsync(() => LastFetch(node), "the site's list is fetched");
        Assert.Equal(4, node.Node.Tracker.Quorum);
        Assert.Equal(uri, (string?)entry["uri"]);
        Assert.Equal("accepted", (string?)entry["last_refresh_status"]);
        Assert.Equal(5, (int)entry["refresh_interval_min"]!);

        // /vl/<key> on the peer port, in both versions: the same signed blobs, re-verifiable by anyone.
        using var http = new HttpClient(new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true } });
        var v1 = JsonNode.Parse(await http.GetStringAsync(new Uri($"https://127.0.0.1:{node.PeerEndpoint.Port}/vl/{fixtures.Publisher.Hex}")))!;
        Assert.Equal(1, (int)v1["version"]!);
        Assert.Equal((string?)fixtures.Data["lists"]!["v2"]!["blobs_v2"]![0]!["blob"], (string?)v1["blob"]);
        var v2 = JsonNode.Parse(await http.GetStringAsync(new Uri($"https://127.0.0.1:{node.PeerEndpoint.Port}/vl/2/{fixtures.Publisher.Hex}")))!;
        Assert.Equal(2, v2["blobs_v2"]!.AsArray().Count);
        var envelope = Protocol.Validators.ListEnvelope.TryParseJson(System.Text.Encoding.UTF8.GetBytes(v2.ToJsonString()), out _)!;
        var again = new Protocol.Validators.ValidatorLists([fixtures.Publisher], [], 0);
        Assert.Equal(Protocol.Validators.ListDisposition.Accepted, again.Apply(envelope, fixtures.Now, "vl").Best);

        using var missing = await http.GetAsync(new Uri($"https://127.0.0.1:{node.PeerEndpoint.Port}/vl/{fixtures.Data["otherPublisher"]!["master"]}"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var bad = await http.GetAsync(new Uri($"https://127.0.0.1:{node.PeerEndpoint.Port}/vl/nothex"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var validators = (await node.RpcAsync("validators"))["result"]!;
        Assert.Equal(4, (int)validators["validation_quorum"]!);
        Assert.Equal(5, validators["trusted_validator_keys"]!.AsArray().Count);
        var list = Assert.Single(validators["publisher_lists"]!.AsArray())!;
        Assert.Equal(3, (int)list["seq"]!);
        Assert.Equal(5, (int)list["count"]!);
        Assert.Equal(4, (int)list["remaining"]![0]!["seq"]!);
        Assert.Equal("active", (string?)validators["validator_list"]!["status"]);

        var master = Protocol.Validators.ValidatorKey.TryParse((string)fixtures.Data["validators"]![0]!["master"]!)!;
        var manifest = (await node.RpcAsync("manifest", new JsonObject { ["public_key"] = master.ToBase58() }))["result"]!;
        Assert.Equal((string?)fixtures.Data["validators"]![0]!["manifest"], (string?)manifest["manifest"]);
        Assert.Equal(1, (int)manifest["details"]!["seq"]!);
    }

    [Fact]
    public async Task ASiteWhoseCertificateIsNotTrustedIsNotUsed()
    {
        var fixtures = await ValidatorFixtures.BuildAsync();
        var (certificate, _) = SiteCertificate();
        await using var site = await StartSiteAsync(certificate, fixtures.Data["lists"]!["v2"]!.ToJsonString());
        var uri = $"https://127.0.0.1:{site.Urls.Select(u => new Uri(u).Port).Single()}/";
        await using var node = await TestNode.StartAsync(o => o with { TrustAnchors = fixtures.Anchors with { Sites = [uri] } });

        var entry = await Eventually.ValueAsync(() => LastFetch(node), "the fetch finishes");
        Assert.Equal("invalid", (string?)entry["last_refresh_status"]);
        Assert.Contains("SSL", (string?)entry["last_refresh_message"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(int.MaxValue, node.Node.Tracker.Quorum);
    }

    // The site's entry in validator_list_sites once its first fetch has finished, else null.
    private static JsonNode? LastFetch(TestNode node)
    {
        var entry = node.RpcAsync("validator_list_sites").GetAwaiter().GetResult()["result"]!["validator_sites"]![0]!;
        return entry["last_refresh_status"] is null ? null : entry;
    }

    private (X509Certificate2 Certificate, string Pem) SiteCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
        var pem = Path.Combine(_dir, "site-ca.pem");
        File.WriteAllText(pem, certificate.ExportCertificatePem());
        return (certificate, pem);
    }

    private static async Task<WebApplication> StartSiteAsync(X509Certificate2 certificate, string body)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        var app = builder.Build();
        app.MapGet("/", () => Results.Text(body, "application/json"));
        await app.StartAsync();
        return app;
    }
}
