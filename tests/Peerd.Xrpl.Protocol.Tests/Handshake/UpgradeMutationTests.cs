using System.Buffers;
using System.Net;
using System.Security.Cryptography;
using Peerd.TestKit;
using Peerd.TestKit.Fuzzing;
using Peerd.Xrpl.Protocol.Handshake;
using Peerd.Xrpl.Protocol.Identity;
using Xunit.Abstractions;

namespace Peerd.Xrpl.Protocol.Tests.Handshake;

/// <summary>
/// Mutated upgrade requests and responses go through everything a connection does with them — the head parser, the
/// upgrade decision, the handshake verifier, the 503 body reader — and each ends in a value or a typed refusal,
/// never an exception. Heads we build parse back to the same fields and verify.
/// </summary>
public class UpgradeMutationTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly NodeIdentity Peer = NodeIdentity.FromSeed(FamilySeed.FromPassphrase("peer"));
    private static readonly NodeIdentity Local = NodeIdentity.FromSeed(FamilySeed.FromPassphrase("local"));
    private static readonly byte[] Shared = SHA256.HashData("session"u8);
    private static readonly HandshakeSettings Settings = new("fuzz-1.0", 1);

    [Fact]
    public void MutatedUpgradeRequestsAreParsedEvaluatedAndVerifiedOrRefused()
    {
        byte[][] corpus =
        [
            UpgradeMessages.BuildRequest(Peer, Shared, Settings, Now, IPAddress.Loopback).ToBytes(),
            UpgradeMessages.BuildRequest(Peer, Shared, Settings with { CrawlPublic = true }, Now, IPAddress.Parse("2001:db8::1")).ToBytes(),
            "GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray(),
        ];
        Fuzzer.Run(
            new FuzzTarget("XRPL upgrade request", corpus, input =>
            {
                var status = HttpHeadParser.TryParseRequest(new ReadOnlySequence<byte>(input), out var request, out _, out var error);
                if (status != OperationStatus.Done)
                {
                    Assert.Equal(status == OperationStatus.InvalidData, error != HttpParseError.None);
                    return FuzzVerdict.Rejected;
                }

                var upgrade = InboundUpgrade.Evaluate(request!);
                var verified = HandshakeVerifier.Verify(Shared, request!.Headers, Local.PublicKey, 1, Now, IPAddress.Loopback);
                Assert.Equal(verified.IsValid, verified.PeerKey is not null);
                return upgrade.Action == InboundUpgradeAction.Proceed && verified.IsValid ? FuzzVerdict.Decoded : FuzzVerdict.Rejected;
            }) { Inputs = 6_000, AllocationBase = 32 * 1024, AllocationPerByte = 64 },
            output);
    }

    [Fact]
    public void MutatedUpgradeResponsesAreParsedEvaluatedAndVerifiedOrRefused()
    {
        byte[][] corpus =
        [
            UpgradeMessages.BuildSwitchingProtocols(Peer, Shared, Settings, Now, IPAddress.Loopback, new ProtocolVersion(2, 2)).ToBytes(),
            UpgradeMessages.BuildBadRequest("Unable to agree on a protocol version", "fuzz-1.0", IPAddress.Loopback).ToBytes(),
            UpgradeMessages.BuildRedirect(["10.0.0.1:51235", "[2001:db8::2]:2459"], "fuzz-1.0", IPAddress.Loopback),
        ];
        Fuzzer.Run(
            new FuzzTarget("XRPL upgrade response", corpus, input =>
            {
                var status = HttpHeadParser.TryParseResponse(new ReadOnlySequence<byte>(input), out var response, out var consumed, out _);
                if (status != OperationStatus.Done)
                {
                    return FuzzVerdict.Rejected;
                }

                var body = new ReadOnlySequence<byte>(input).Slice(consumed).ToArray();
                _ = UpgradeMessages.ParseRedirectBody(body.AsSpan(0, Math.Min(body.Length, Math.Max(0, response!.ContentLength))));
                var outcome = OutboundUpgrade.Evaluate(response);
                var verified = HandshakeVerifier.Verify(Shared, response.Headers, Local.PublicKey, 1, Now, IPAddress.Loopback);
                return outcome.Accepted && verified.IsValid ? FuzzVerdict.Decoded : FuzzVerdict.Rejected;
            }) { Inputs = 6_000, AllocationBase = 32 * 1024, AllocationPerByte = 64 },
            output);
    }

    [Fact]
    public void ARedirectBodyWithInvalidUtf8IsAnEmptyList()
    {
        // Found by the response mutation run: a string that is not UTF-8 threw instead of being refused.
        byte[] body = [.. "{\"peer-ips\":[\"10.0."u8, 0x9b, .. "0.1:51235\"]}"u8];
        Assert.Empty(UpgradeMessages.ParseRedirectBody(body));
    }

    [Fact]
    public void UpgradeHeadsWeBuildParseBackAndVerifyUnderAnyFragmentation()
    {
        Property.Check("XRPL upgrade head round trip", 300, random =>
        {
            var settings = new HandshakeSettings($"fuzz-{random.Next()}", (uint)random.Next(), CrawlPublic: random.Next(2) == 0);
            var identity = NodeIdentity.FromSeed(FamilySeed.FromPassphrase(random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var request = UpgradeMessages.BuildRequest(identity, Shared, settings, Now, IPAddress.Loopback);
            var bytes = request.ToBytes();
            var cut = random.Next(bytes.Length + 1);
            var sequence = Fragmentation.Sequence(bytes.AsMemory(0, cut), bytes.AsMemory(cut));
            Assert.Equal(OperationStatus.Done, HttpHeadParser.TryParseRequest(sequence, out var parsed, out var consumed, out _));
            Assert.Equal(sequence.End, consumed);
            Assert.Equal(request.Headers.ToArray(), parsed!.Headers.ToArray());
            var verified = HandshakeVerifier.Verify(Shared, parsed.Headers, Local.PublicKey, settings.NetworkId, Now, IPAddress.Loopback);
            Assert.True(verified.IsValid, verified.Reason);
            Assert.Equal(identity.PublicKey, verified.PeerKey);
        }, output);
    }
}
