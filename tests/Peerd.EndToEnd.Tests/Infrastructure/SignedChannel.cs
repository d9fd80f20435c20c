using System.Buffers.Binary;
using Peerd.Crypto;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Gossip;

namespace Peerd.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A regtest <c>channel_announcement</c> between two nodes, signed by all four keys (fresh funding keys): BOLT 7 accepts
/// a node's <c>node_announcement</c> only once it has a channel, so a test that gossips an address sends this first.
/// </summary>
internal static class SignedChannel
{
    private static int _next;

    /// <summary>A channel of <paramref name="node"/> with a fresh node of its own, under a short channel id no other call used.</summary>
    public static byte[] Of(StaticKey node) => Between(node, StaticKey.Generate());

    /// <summary>A channel between <paramref name="a"/> and <paramref name="b"/>, ordered as BOLT 7 wants.</summary>
    public static byte[] Between(StaticKey a, StaticKey b)
    {
        var n = (uint)Interlocked.Increment(ref _next);
        var id = ShortChannelId.From(100 + (n / 1000), n % 1000, 0);
        var (first, second) = a.PublicKey.SequenceCompareTo(b.PublicKey) < 0 ? (a, b) : (b, a);
        var keys = new[] { first, second, StaticKey.Generate(), StaticKey.Generate() };
        var message = new byte[ChannelAnnouncement.MinLength];
        BinaryPrimitives.WriteUInt16BigEndian(message, 256);
        var offset = ChannelAnnouncement.SignedOffset + 2;
        LightningNetwork.Regtest.ChainHash.Bytes.CopyTo(message.AsSpan(offset));
        id.WriteTo(message.AsSpan(offset + 32));
        for (var i = 0; i < 4; i++)
        {
            keys[i].PublicKey.CopyTo(message.AsSpan(offset + 40 + (33 * i)));
        }

        Span<byte> hash = stackalloc byte[32];
        GossipHash.DoubleSha256(message.AsSpan(ChannelAnnouncement.SignedOffset), hash);
        for (var i = 0; i < 4; i++)
        {
            if (!keys[i].TrySignCompact(hash, message.AsSpan(2 + (64 * i), 64)))
            {
                throw new InvalidOperationException("signing failed");
            }
        }

        return message;
    }
}
