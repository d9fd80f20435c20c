using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Peerd.Xrpl.Tests.Support;

namespace Peerd.Xrpl.Tests.Interop;

/// <summary>
/// Peerd against an independent XRPL peer (tests/interop/xrpl/peer.mjs: Node's OpenSSL TLS, ripple-keypairs,
/// ripple-address-codec, @noble/curves) and the xrpl.js client: each side verifies the other's session signature.
/// </summary>
[Trait("Category", "Interop")]
public sealed class NodeJsPeerTests : IDisposable
{
    private const string PeerSeed = "sp6JS7f14BuwFY8Mw6bTtLKWauoUs";
    private const string PeerKey = "n9LPxYzbDpWBZ1bC3J3Fdkgqoa3FEhVKCnS8yKp7RFQFwuvd8Q2c"; // ripple-keypairs, validator: true

    private readonly string _dir = Directory.CreateTempSubdirectory("peerd-interop-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("1.2", 12)]
    [InlineData("1.3", 48)]
    public async Task ANodeJsPeerDialsUsAndBothSidesVerifyTheOthersSignatureThenPingsFlow(string tlsVersion, int finishedLength)
    {
        await using var node = await TestNode.StartAsync(o => o with { NetworkId = 21338, PingInterval = TimeSpan.FromSeconds(1) });
        await using var peer = NodeScript.Start("peer.mjs", "dial", "--port", node.PeerEndpoint.Port.ToString(), "--seed", PeerSeed, "--network-id", "21338", "--tls", tlsVersion, "--ping");

        // The Node.js peer verified our 101 response's signature over the shared value it computed itself.
        var handshake = await peer.EventAsync("handshake");
        Assert.Equal(node.Node.PublicKey.ToBase58(), (string?)handshake["peerPublicKey"]);
        Assert.Equal(PeerKey, (string?)handshake["ourPublicKey"]);
        Assert.Equal("XRPL/2.3", (string?)handshake["protocol"]);
        Assert.Equal($"TLSv{tlsVersion}", (string?)handshake["tls"]);
        Assert.Equal(finishedLength, (int)handshake["finished"]![0]!);

        // We verified its request's signature: it is our peer, inbound, with its key.
        var pong = await peer.EventAsync("pong");
        Assert.True((bool)pong["matches"]!);
        var listed = Assert.Single((await node.RpcAsync("peers"))["result"]!["peers"]!.AsArray())!;
        Assert.Equal(PeerKey, (string?)listed["public_key"]);
        Assert.True((bool)listed["inbound"]!);
        Assert.Equal("21338", (string?)listed["network_id"]);
        Assert.Equal("interop-peer-1.0", (string?)listed["version"]);

        // Our pings reach it and its pongs reach us.
        await peer.EventAsync("ping");
        await Eventually.TrueAsync(() => node.Node.Overlay.Peers.Any(p => p.Latency is not null), "a pong from the Node.js peer");
    }

    [Fact]
    public async Task XrplJsConnectsUsToANodeJsPeerAndSeesItInPeers()
    {
        var (cert, key) = WriteCertificate();
        await using var node = await TestNode.StartAsync();
        await using var peer = NodeScript.Start("peer.mjs", "listen", "--cert", cert, "--key", key, "--seed", PeerSeed);
        var port = (int)(await peer.EventAsync("listening"))["port"]!;

        await using var client = NodeScript.Start(
            "admin-client.mjs",
            node.WebSocketUri.ToString(),
            $$"""{"command":"connect","ip":"127.0.0.1","port":{{port}},"wait":true}""",
            """{"command":"peers"}""",
            """{"command":"ping"}""",
            """{"command":"connect","ip":"127.0.0.1","port":1}""",
            """{"command":"connect"}""");
        var connect = await client.NextAsync(_ => true, "the connect reply");
        var peers = await client.NextAsync(_ => true, "the peers reply");
        var ping = await client.NextAsync(_ => true, "the ping reply");
        var plain = await client.NextAsync(_ => true, "the plain connect reply");
        var bad = await client.NextAsync(_ => true, "the failed connect reply");
        await client.WaitForExitAsync();

        Assert.True((bool)connect["ok"]!, connect.ToJsonString());
        Assert.Equal("connected", (string?)connect["response"]!["result"]!["message"]);

        // The listener verified our request's signature; we verified its response's.
        var handshake = await peer.EventAsync("handshake");
        Assert.Equal(node.Node.PublicKey.ToBase58(), (string?)handshake["peerPublicKey"]);
        var listed = Assert.Single(peers["response"]!["result"]!["peers"]!.AsArray())!;
        Assert.Equal(PeerKey, (string?)listed["public_key"]);
        Assert.Equal($"127.0.0.1:{port}", (string?)listed["address"]);
        Assert.Equal("XRPL/2.3", (string?)listed["protocol"]);
        Assert.False(listed.AsObject().ContainsKey("inbound"));

        // xrpl.js sends api_version 2 and gets it back; an admin on WebSocket is "unlimited".
        Assert.Equal("admin", (string?)ping["response"]!["result"]!["role"]);
        Assert.True((bool)ping["response"]!["result"]!["unlimited"]!);
        Assert.Equal(2, (int)ping["response"]!["api_version"]!);
        Assert.Equal("connecting", (string?)plain["response"]!["result"]!["message"]);

        // xrpl.js raises rippled errors as RippledError carrying the whole response.
        Assert.False((bool)bad["ok"]!);
        Assert.Equal("RippledError", (string?)bad["name"]);
        Assert.Equal("invalidParams", (string?)bad["data"]!["error"]);
        Assert.Equal("Missing field 'ip'.", (string?)bad["data"]!["error_message"]);
    }

    [Fact]
    public async Task ANodeJsPeerOnAnotherNetworkIsRefusedWithOurReason()
    {
        await using var node = await TestNode.StartAsync(o => o with { NetworkId = 1 });
        await using var peer = NodeScript.Start("peer.mjs", "dial", "--port", node.PeerEndpoint.Port.ToString(), "--network-id", "2");
        var refused = await peer.EventAsync("refused");
        Assert.Equal("HTTP/1.1 400 Bad Request (Peer is on a different network)", (string?)refused["status"]);
    }

    private (string Cert, string Key) WriteCertificate()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=interop-peer", ecdsa, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var cert = Path.Combine(_dir, "cert.pem");
        var key = Path.Combine(_dir, "key.pem");
        File.WriteAllText(cert, certificate.ExportCertificatePem());
        File.WriteAllText(key, ecdsa.ExportPkcs8PrivateKeyPem());
        return (cert, key);
    }
}
