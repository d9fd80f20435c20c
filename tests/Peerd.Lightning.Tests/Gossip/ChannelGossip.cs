using System.Buffers.Binary;
using Peerd.Crypto;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Gossip;
using static Peerd.Lightning.Tests.Gossip.Announcements;

namespace Peerd.Lightning.Tests.Gossip;

/// <summary>Signed channel_announcements and channel_updates for tests, from the deterministic keys of <see cref="Announcements"/>.</summary>
internal static class ChannelGossip
{
    public static ChainHash Regtest => Protocol.Chains.LightningNetwork.Regtest.ChainHash;

    /// <summary>A channel between nodes <paramref name="a"/> and <paramref name="b"/> (ordered as BOLT #7 wants), funding keys 1000+n.</summary>
    public static byte[] Announce(ShortChannelId id, int a, int b, ChainHash? chain = null)
    {
        var (n1, n2) = Ordered(a, b);
        var keys = new[] { Key(n1), Key(n2), Key(1000 + n1), Key(1000 + n2) };
        var message = new byte[ChannelAnnouncement.MinLength];
        BinaryPrimitives.WriteUInt16BigEndian(message, 256);
        int offset = ChannelAnnouncement.SignedOffset + 2;
        (chain ?? Regtest).Bytes.CopyTo(message.AsSpan(offset));
        id.WriteTo(message.AsSpan(offset + 32));
        for (int i = 0; i < 4; i++)
        {
            keys[i].PublicKey.CopyTo(message.AsSpan(offset + 40 + (33 * i)));
        }

        Span<byte> hash = stackalloc byte[32];
        GossipHash.DoubleSha256(message.AsSpan(ChannelAnnouncement.SignedOffset), hash);
        for (int i = 0; i < 4; i++)
        {
            Assert.True(keys[i].TrySignCompact(hash, message.AsSpan(2 + (64 * i), 64)));
        }

        return message;
    }

    /// <summary>An update of <paramref name="id"/> signed by node <paramref name="signer"/> (direction from the pair's order).</summary>
    public static byte[] Update(ShortChannelId id, int a, int b, int signer, uint timestamp, byte messageFlags = 1, bool disabled = false, ChainHash? chain = null, uint feeBase = 1000, int? direction = null)
    {
        var (n1, _) = Ordered(a, b);
        int dir = direction ?? (signer == n1 ? 0 : 1);
        var message = new byte[ChannelUpdate.Length];
        BinaryPrimitives.WriteUInt16BigEndian(message, 258);
        int o = ChannelUpdate.SignedOffset;
        (chain ?? Regtest).Bytes.CopyTo(message.AsSpan(o));
        id.WriteTo(message.AsSpan(o + 32));
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(o + 40), timestamp);
        message[o + 44] = messageFlags;
        message[o + 45] = (byte)(dir | (disabled ? 2 : 0));
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(o + 46), 144);
        BinaryPrimitives.WriteUInt64BigEndian(message.AsSpan(o + 48), 1);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(o + 56), feeBase);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(o + 60), 10);
        BinaryPrimitives.WriteUInt64BigEndian(message.AsSpan(o + 64), 5_000_000_000);
        Span<byte> hash = stackalloc byte[32];
        GossipHash.DoubleSha256(message.AsSpan(o), hash);
        Assert.True(Key(signer).TrySignCompact(hash, message.AsSpan(2, 64)));
        return message;
    }

    public static (int First, int Second) Ordered(int a, int b) =>
        Key(a).PublicKey.SequenceCompareTo(Key(b).PublicKey) < 0 ? (a, b) : (b, a);
}
