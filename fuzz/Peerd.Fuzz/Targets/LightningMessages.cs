using System.Net;
using Peerd.Lightning.Protocol.Addresses;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;

namespace Peerd.Fuzz.Targets;

/// <summary>
/// A decrypted BOLT 1/7 message (type + payload) through the decoder a connection uses and the gossip queries' own
/// decoders: every input is classified (malformed with a reason), and whatever decodes re-encodes to bytes that
/// decode to the same bytes again.
/// </summary>
internal static class LightningMessages
{
    public static FuzzTarget Target { get; } = new("lightning-messages", "one BOLT 1/7 message: u16 type + payload", Seeds, Run);

    /// <summary>Addresses of every type, shared with the address list target.</summary>
    public static WireAddress[] Addresses { get; } =
    [
        WireAddress.FromIPAddress(IPAddress.Parse("203.0.113.7"), 9735),
        WireAddress.FromIPAddress(IPAddress.Parse("2001:db8::1"), 9736),
        WireAddress.FromTorV3([.. Enumerable.Range(0, WireAddress.TorV3Length).Select(i => (byte)i)], 9735),
        WireAddress.FromHostname("node.example.com", 9735),
    ];

    private static IEnumerable<byte[]> Seeds() =>
    [
        new InitMessage(OurFeatures.Init, [LightningNetwork.Regtest.ChainHash, LightningNetwork.Bitcoin.ChainHash], Addresses[0]).ToArray(),
        new InitMessage(FeatureBits.FromBits(1, 200), null, null, FeatureBits.FromBits(3)).ToArray(),
        ErrorMessage.FromText("something went wrong").ToArray(),
        WarningMessage.FromText("be careful", new ChannelId(new byte[32])).ToArray(),
        new PingMessage(16, 8).ToArray(),
        new PongMessage(16).ToArray(),
        NodeAnnouncement.Sign(FixedKeys.ResponderStatic, OurFeatures.Node, 1_700_000_000, [1, 2, 3], "fuzz", Addresses).ToArray(),
        new GossipTimestampFilter(LightningNetwork.Regtest.ChainHash, 1_700_000_000, 86_400).ToArray(),
        new QueryChannelRange(LightningNetwork.Regtest.ChainHash, 100, 1000).ToArray(),
        new ReplyChannelRange(LightningNetwork.Regtest.ChainHash, 100, 1000, true, [0, 1, 2, 3, 4, 5, 6, 7, 8]).ToArray(),
        new QueryShortChannelIds(LightningNetwork.Regtest.ChainHash, [0, 1, 2, 3, 4, 5, 6, 7, 8]).ToArray(),
        new ReplyShortChannelIdsEnd(LightningNetwork.Regtest.ChainHash, true).ToArray(),
        [0x7f, 0xff, 1, 2, 3],
    ];

    private static void Run(byte[] input)
    {
        var decoded = LightningMessageDecoder.Decode(input);
        if (decoded.Outcome == DecodeOutcome.Malformed)
        {
            FuzzInvariantException.Check(!string.IsNullOrEmpty(decoded.Reason), "malformed without a reason");
            return;
        }

        // The gossip queries are "ignored" by the connection but have their own decoders, which must hold too.
        var message = decoded.Message ?? DecodeQuery(input);
        if (message is null)
        {
            return;
        }

        var once = message.ToArray();
        var again = LightningMessageDecoder.Decode(once).Message ?? DecodeQuery(once);
        FuzzInvariantException.Check(again is not null, "a re-encoded message no longer decodes");
        FuzzInvariantException.Check(once.AsSpan().SequenceEqual(again!.ToArray()), "a re-encoded message decodes to different bytes");
    }

    private static ILightningMessage? DecodeQuery(byte[] input)
    {
        if (QueryChannelRange.TryDecode(input, out var queryRange, out _))
        {
            return queryRange;
        }

        if (ReplyChannelRange.TryDecode(input, out var replyRange, out _))
        {
            return replyRange;
        }

        if (QueryShortChannelIds.TryDecode(input, out var queryIds, out _))
        {
            return queryIds;
        }

        return ReplyShortChannelIdsEnd.TryDecode(input, out var end, out _) ? end : null;
    }
}
