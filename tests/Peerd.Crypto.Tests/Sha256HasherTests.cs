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
        using var hasher = new Sha256Hasher();
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
    public void NestedOneShotsDoNotDisturbEachOther()
    {
        // Sha256.Hash and HMAC share one hasher per thread; a hash computed while it is out gets its own.
        var outer = Sha256Hasher.Rent();
        outer.Append("ab"u8);
        var inner = new byte[32];
        Sha256.Hash("abd"u8, inner);
        outer.Append("c"u8);
        var abc = new byte[32];
        outer.Finish(abc);
        Sha256Hasher.Return(outer);

        Assert.Equal(SHA256.HashData("abc"u8), abc);
        Assert.Equal(SHA256.HashData("abd"u8), inner);
        Assert.Equal(SHA256.HashData("abc"u8), Sha256.Hash("abc"u8));
    }

    [Fact]
    public void ResetStartsANewMessage()
    {
        using var hasher = new Sha256Hasher();
        hasher.Append("discarded"u8);
        hasher.Reset();
        hasher.Append("abc"u8);
        var digest = new byte[32];
        hasher.Finish(digest);
        Assert.Equal(SHA256.HashData("abc"u8), digest);
    }

    [Fact]
    public void AFinishedOrDisposedHasherRefusesToHash()
    {
        using var finished = new Sha256Hasher();
        finished.Finish(new byte[32]);
        Assert.Throws<InvalidOperationException>(() => finished.Append("a"u8));
        Assert.Throws<InvalidOperationException>(() => finished.Finish(new byte[32]));

        var disposed = new Sha256Hasher();
        disposed.Dispose();
        Assert.Throws<ObjectDisposedException>(() => disposed.Append("a"u8));
        Assert.Throws<ObjectDisposedException>(() => disposed.Reset());
    }
}
