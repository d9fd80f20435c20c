using Peerd.Xrpl.Tests.Support;

namespace Peerd.Xrpl.Tests.Admin;

/// <summary>xrpl.js subscribes to Peerd's streams over WebSocket and receives what a peer sends, in rippled's shapes.</summary>
[Trait("Category", "Interop")]
public class StreamsTests
{
    [Fact]
    public async Task XrplJsReceivesValidationsAndManifests()
    {
        var fixtures = await ValidatorFixtures.BuildAsync(ledger: 123_456);
        await using var node = await TestNode.StartAsync(o => o with { TrustAnchors = fixtures.Anchors, NetworkId = 21338 });
        await using var client = NodeScript.Start("subscribe-client.mjs", node.WebSocketUri.ToString(), "validations", "manifests");
        await client.EventAsync("subscribed");

        await using var raw = await RawPeer.HandshakeAsync(node.PeerEndpoint, networkId: 21338);
        await raw.SendAsync(fixtures.V1("v1"));
        await raw.SendAsync(fixtures.Validation("full", 0));

        var manifest = (await client.EventAsync("manifestReceived"))["message"]!;
        Assert.Equal("manifestReceived", (string?)manifest["type"]);
        Assert.Equal(1, (int)manifest["seq"]!);
        Assert.StartsWith("n", (string?)manifest["master_key"], StringComparison.Ordinal);

        var validation = (await client.EventAsync("validationReceived"))["message"]!;
        Assert.Equal("validationReceived", (string?)validation["type"]);
        Assert.Equal("123456", (string?)validation["ledger_index"]);
        Assert.Equal(fixtures.LedgerHash, (string?)validation["ledger_hash"]);
        Assert.True((bool)validation["full"]!);
        Assert.Equal(21338, (int)validation["network_id"]!);
        Assert.Equal(Protocol.Validators.ValidatorKey.TryParse((string)fixtures.Data["validators"]![0]!["signing"]!)!.ToBase58(), (string?)validation["validation_public_key"]);
        Assert.Equal(Protocol.Validators.ValidatorKey.TryParse((string)fixtures.Data["validators"]![0]!["master"]!)!.ToBase58(), (string?)validation["master_key"]);
        Assert.Equal(Convert.ToHexString(fixtures.ValidationBytes("full", 0)), (string?)validation["data"]);
    }

    [Fact]
    public async Task UnknownStreamsAreMalformedAndPeerStatusNeedsAdmin()
    {
        await using var node = await TestNode.StartAsync(o => o with { AdminAllow = [] });
        using var socket = await node.OpenWebSocketAsync();
        var reply = await socket.RequestAsync(new System.Text.Json.Nodes.JsonObject { ["command"] = "subscribe", ["streams"] = new System.Text.Json.Nodes.JsonArray("ledger") });
        Assert.Equal("malformedStream", (string?)reply["error"]);
        reply = await socket.RequestAsync(new System.Text.Json.Nodes.JsonObject { ["command"] = "subscribe", ["streams"] = new System.Text.Json.Nodes.JsonArray("peer_status") });
        Assert.Equal("noPermission", (string?)reply["error"]);
        reply = await socket.RequestAsync(new System.Text.Json.Nodes.JsonObject { ["command"] = "subscribe", ["streams"] = new System.Text.Json.Nodes.JsonArray("validations") });
        Assert.Equal("success", (string?)reply["status"]);

        var (status, body) = await node.PostAsync("""{"method":"subscribe","params":[{"streams":["validations"]}]}""");
        Assert.Equal(200, status);
        Assert.Contains("notSupported", body, StringComparison.Ordinal);
    }
}
