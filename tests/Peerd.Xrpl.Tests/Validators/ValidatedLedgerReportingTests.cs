using Peerd.Xrpl.Protocol.Framing;
using Peerd.Xrpl.Protocol.Messages;
using Peerd.Xrpl.Tests.Support;

namespace Peerd.Xrpl.Tests.Validators;

/// <summary>Over a real peer connection: lists and validations in, the validated ledger out as rippled reads it.</summary>
public class ValidatedLedgerReportingTests
{
    [Fact]
    public async Task APeerFeedingListsAndValidationsHearsTheValidatedLedgerAndServerInfoShowsIt()
    {
        var fixtures = await ValidatorFixtures.BuildAsync(ledger: 77_000);
        await using var node = await TestNode.StartAsync(o => o with { TrustAnchors = fixtures.Anchors });
        await using var raw = await RawPeer.HandshakeAsync(node.PeerEndpoint);

        await raw.SendAsync(fixtures.Collection("v2"));
        for (var i = 0; i < 3; i++)
        {
            await raw.SendAsync(fixtures.Validation("full", i));
        }

        // Below quorum nothing is reported: the pong comes back with no status change ahead of it.
        await raw.SendAsync(new TMPing { Type = TMPing.Types.pingType.PtPing, Seq = 5 });
        while (await raw.ReadFrameAsync() is { } frame && frame.Type != XrplMessageType.Ping)
        {
            Assert.NotEqual(XrplMessageType.StatusChange, frame.Type);
        }

        await raw.SendAsync(fixtures.Validation("full", 3));
        var status = await raw.ReadMessageAsync(XrplMessageType.StatusChange, TMStatusChange.Parser);
        Assert.NotNull(status);
        Assert.Equal(NodeEvent.NeAcceptedLedger, status.NewEvent);
        Assert.Equal(77_000u, status.LedgerSeq);
        Assert.True(status.HasNetworkTime);
        Assert.False(status.HasLedgerHash);
        Assert.False(status.HasLedgerHashPrevious);
        Assert.False(status.HasFirstSeq);
        Assert.False(status.HasLastSeq);
        Assert.False(status.HasNewStatus);

        var info = (await node.RpcAsync("server_info"))["result"]!["info"]!;
        Assert.Equal(77_000u, (uint)info["validated_ledger"]!["seq"]!);
        Assert.Equal(fixtures.LedgerHash, (string)info["validated_ledger"]!["hash"]!);
        Assert.Equal(4, (int)info["validation_quorum"]!);
        Assert.Equal("tracking", (string)info["server_state"]!);
        Assert.Equal("empty", (string)info["complete_ledgers"]!);

        // A peer that connects now hears the current validated ledger at once.
        await using var late = await RawPeer.HandshakeAsync(node.PeerEndpoint, identity: Protocol.Identity.NodeIdentity.FromSeed(Protocol.Identity.FamilySeed.FromPassphrase("late peer")));
        Assert.Equal(101, late.Response!.StatusCode);
        Assert.Equal(77_000u, (await late.ReadMessageAsync(XrplMessageType.StatusChange, TMStatusChange.Parser))!.LedgerSeq);

        // peers shows each peer's tracking as rippled does: converged (no track field) for a peer reporting a ledger
        // within 23 of ours, unknown for one that reported nothing.
        var hash = Google.Protobuf.ByteString.CopyFrom(Convert.FromHexString(fixtures.LedgerHash));
        await raw.SendAsync(new TMStatusChange { NewStatus = NodeStatus.NsConnected, NewEvent = NodeEvent.NeAcceptedLedger, LedgerSeq = 77_001, LedgerHash = hash, FirstSeq = 70_000, LastSeq = 77_001 });
        await raw.SendAsync(new TMPing { Type = TMPing.Types.pingType.PtPing, Seq = 6 });
        await raw.ReadMessageAsync(XrplMessageType.Ping, TMPing.Parser);
        var peers = (await node.RpcAsync("peers"))["result"]!["peers"]!.AsArray();
        var first = peers.Single(p => (string?)p!["public_key"] == raw.Identity.PublicKey.ToBase58())!;
        Assert.Null(first["track"]);
        Assert.Equal("connected", (string?)first["status"]);
        Assert.Equal(fixtures.LedgerHash, (string?)first["ledger"]);
        Assert.Equal("70000 - 77001", (string?)first["complete_ledgers"]);
        var second = peers.Single(p => (string?)p!["public_key"] != raw.Identity.PublicKey.ToBase58())!;
        Assert.Equal("unknown", (string?)second["track"]);
    }

    [Fact]
    public async Task WithoutTrustAnchorsNothingIsReported()
    {
        var fixtures = await ValidatorFixtures.BuildAsync();
        await using var node = await TestNode.StartAsync();
        await using var raw = await RawPeer.HandshakeAsync(node.PeerEndpoint);
        await raw.SendAsync(fixtures.V1("v1"));
        for (var i = 0; i < fixtures.FullCount; i++)
        {
            await raw.SendAsync(fixtures.Validation("full", i));
        }

        await raw.SendAsync(new TMPing { Type = TMPing.Types.pingType.PtPing, Seq = 9 });
        while (await raw.ReadFrameAsync() is { } frame && frame.Type != XrplMessageType.Ping)
        {
            Assert.NotEqual(XrplMessageType.StatusChange, frame.Type);
        }

        var info = (await node.RpcAsync("server_info"))["result"]!["info"]!;
        Assert.Null(info["validated_ledger"]);
        Assert.Null(info["validation_quorum"]);
        Assert.Equal("connected", (string)info["server_state"]!);
    }
}
