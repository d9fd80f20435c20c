using System.Buffers;
using System.Net;
using System.Security.Cryptography;
using Peerd.Xrpl.Protocol.Handshake;
using Peerd.Xrpl.Protocol.Identity;

namespace Peerd.Fuzz.Targets;

/// <summary>
/// XRPL HTTP upgrade heads through everything a connection does with them: the first byte picks the side (even: a
/// request to our peer port — head parser, upgrade decision, handshake verifier; odd: a response to our request —
/// head parser, redirect body, upgrade outcome, verifier). Each ends in a value or a typed refusal.
/// </summary>
internal static class XrplUpgrade
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly NodeIdentity Peer = NodeIdentity.FromSeed(FamilySeed.FromPassphrase("peer"));
    private static readonly NodeIdentity Local = NodeIdentity.FromSeed(FamilySeed.FromPassphrase("local"));
    private static readonly byte[] Shared = SHA256.HashData("session"u8);
    private static readonly HandshakeSettings Settings = new("fuzz-1.0", 1);

    public static FuzzTarget Target { get; } = new("xrpl-upgrade", "selector byte (request / response) + the HTTP head and body", Seeds, Run);

    private static IEnumerable<byte[]> Seeds() =>
    [
        [0, .. UpgradeMessages.BuildRequest(Peer, Shared, Settings, Now, IPAddress.Loopback).ToBytes()],
        [0, .. UpgradeMessages.BuildRequest(Peer, Shared, Settings with { CrawlPublic = true }, Now, IPAddress.Parse("2001:db8::1")).ToBytes()],
        [0, .. "GET /crawl HTTP/1.1\r\nHost: x\r\n\r\n"u8],
        [1, .. UpgradeMessages.BuildSwitchingProtocols(Peer, Shared, Settings, Now, IPAddress.Loopback, new ProtocolVersion(2, 2)).ToBytes()],
        [1, .. UpgradeMessages.BuildBadRequest("Unable to agree on a protocol version", "fuzz-1.0", IPAddress.Loopback).ToBytes()],
        [1, .. UpgradeMessages.BuildRedirect(["10.0.0.1:51235", "[2001:db8::2]:2459"], "fuzz-1.0", IPAddress.Loopback)],
    ];

    private static void Run(byte[] input)
    {
        if (input.Length == 0)
        {
            return;
        }

        var head = input[1..];
        var sequence = Segments.Split(head, head.Length / 2);
        if (input[0] % 2 == 0)
        {
            var status = HttpHeadParser.TryParseRequest(sequence, out var request, out _, out var error);
            if (status != OperationStatus.Done)
            {
                FuzzInvariantException.Check(status == OperationStatus.InvalidData == (error != HttpParseError.None), "a parse error without InvalidData, or InvalidData without one");
                return;
            }

            _ = InboundUpgrade.Evaluate(request!);
            Verify(request!.Headers);
            return;
        }

        if (HttpHeadParser.TryParseResponse(sequence, out var response, out var consumed, out _) != OperationStatus.Done)
        {
            return;
        }

        var body = sequence.Slice(consumed).ToArray();
        _ = UpgradeMessages.ParseRedirectBody(body.AsSpan(0, Math.Min(body.Length, Math.Max(0, response!.ContentLength))));
        _ = OutboundUpgrade.Evaluate(response);
        Verify(response.Headers);
    }

    private static void Verify(HttpHeaders headers)
    {
        var verified = HandshakeVerifier.Verify(Shared, headers, Local.PublicKey, 1, Now, IPAddress.Loopback);
        FuzzInvariantException.Check(verified.IsValid == verified.PeerKey is not null, "a verified handshake without a peer key, or a key without success");
    }
}
