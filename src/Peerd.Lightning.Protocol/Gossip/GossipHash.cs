using Peerd.Crypto;

namespace Peerd.Lightning.Protocol.Gossip;

/// <summary>BOLT #7's signature digest: every gossip signature covers the double-SHA256 of the bytes after it.</summary>
public static class GossipHash
{
    /// <summary>Writes SHA256(SHA256(<paramref name="data"/>)) to <paramref name="hash"/> (32 bytes).</summary>
    public static void DoubleSha256(ReadOnlySpan<byte> data, Span<byte> hash)
    {
        Span<byte> first = stackalloc byte[32];
        Sha256.Hash(data, first);
        Sha256.Hash(first, hash);
    }
}
