using System.Net;
using Peerd.Lightning.Protocol.Addresses;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;

namespace Peerd.Lightning.Protocol.Tests.Fuzzing;

/// <summary>Valid encodings of every message type we decode: the starting points of the mutation runs.</summary>
internal static class LightningCorpus
{
    public static WireAddress[] Addresses { get; } =
    [
        WireAddress.FromIPAddress(IPAddress.Parse("203.0.113.7"), 9735),
        WireAddress.FromIPAddress(IPAddress.Parse("2001:db8::1"), 9736),
        WireAddress.FromTorV3(Enumerable.Range(0, WireAddress.TorV3Length).Select(i => (byte)i).ToArray(), 9735),
        WireAddress.FromHostname("node.example.com", 9735),
    ];

    public static byte[] AddressList { get; } = Encode(Addresses);

    public static byte[][] Messages { get; } =
    [
        new InitMessage(OurFeatures.Init, [LightningNetwork.Regtest.ChainHash, LightningNetwork.Bitcoin.ChainHash], Addresses[0]).ToArray(),
        new InitMessage(FeatureBits.FromBits(1, 200), null, null, FeatureBits.FromBits(3)).ToArray(),
        ErrorMessage.FromText("something went wrong").ToArray(),
        WarningMessage.FromText("be careful", new ChannelId(new byte[32])).ToArray(),
        new PingMessage(16, 8).ToArray(),
        new PingMessage(PingMessage.NoReplyThreshold, 0).ToArray(),
        new PongMessage(16).ToArray(),
        NodeAnnouncement.Sign(FixedKeys.ResponderStatic, OurFeatures.Node, 1_700_000_000, [1, 2, 3], "fuzz", Addresses).ToArray(),
        new GossipTimestampFilter(LightningNetwork.Regtest.ChainHash, 1_700_000_000, 86_400).ToArray(),
        new QueryChannelRange(LightningNetwork.Regtest.ChainHash, 100, 1000).ToArray(),
        new ReplyChannelRange(LightningNetwork.Regtest.ChainHash, 100, 1000, true, [0, 1, 2, 3, 4, 5, 6, 7, 8]).ToArray(),
        new QueryShortChannelIds(LightningNetwork.Regtest.ChainHash, [0, 1, 2, 3, 4, 5, 6, 7, 8]).ToArray(),
        new ReplyShortChannelIdsEnd(LightningNetwork.Regtest.ChainHash, true).ToArray(),
        [0x7f, 0xff, 1, 2, 3],
    ];

    private static byte[] Encode(WireAddress[] addresses)
    {
        var bytes = new byte[WireAddressList.GetLength(addresses)];
        WireAddressList.Write(addresses, bytes);
        return bytes;
    }
}
