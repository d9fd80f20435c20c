using System.Security.Cryptography;
using Peerd.Primitives;

namespace Peerd.Crypto.Tests;

public class Sha256HasherTests
{
    [Fact]
    public void OneMillionRepetitionsOfAAppendedIncrementallyMatchFips180()
    {
        // FIPS 180-2, Appendix B.3: "the message consisting of one million (1,000,000) repetitions of the character 'a'",
        // appended in uneven pieces so updates cross block boundaries at every offset.
        var chunk = new byte[997];
        chunk.AsSpan().Fill((byte)'a');
        var hasher = new Sha256Hasher();
        var remaining = 1_000_000;
        var piece = 1;
        while (remaining > 0)
        {
            var length = Math.Min(remaining, piece);
            hasher.Append(chunk.AsSpan(0, length));
            remaining -= length;
            piece = (piece * 7 % chunk.Length) + 1;
        }

        var digest = new byte[Sha256.HashLength];
        hasher.Finish(digest);
        Assert.Equal("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Hex.Encode(digest));
    }

    [Fact]
    public void ACopyContinuesIndependently()
    {
        var hasher = new Sha256Hasher();
        hasher.Append("ab"u8);
        var fork = hasher;
        hasher.Append("c"u8);
        fork.Append("d"u8);

        var abc = new byte[32];
        var abd = new byte[32];
        hasher.Finish(abc);
        fork.Finish(abd);
        Assert.Equal(SHA256.HashData("abc"u8), abc);
        Assert.Equal(SHA256.HashData("abd"u8), abd);
    }

    [Fact]
    public void ResetStartsANewMessage()
    {
        var hasher = new Sha256Hasher();
        hasher.Append("discarded"u8);
        hasher.Reset();
        hasher.Append("abc"u8);
        var digest = new byte[32];
        hasher.Finish(digest);
        Assert.Equal(SHA256.HashData("abc"u8), digest);
    }

    [Fact]
    public void ADefaultValueOrAFinishedHasherRefusesToHash()
    {
        var unstarted = default(Sha256Hasher);
        Assert.Throws<InvalidOperationException>(() => unstarted.Append("a"u8));

        var finished = new Sha256Hasher();
        finished.Finish(new byte[32]);
        Assert.Throws<InvalidOperationException>(() => finished.Finish(new byte[32]));
    }
}
