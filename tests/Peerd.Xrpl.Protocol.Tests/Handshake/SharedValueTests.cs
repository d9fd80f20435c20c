using System.Security.Cryptography;
using Peerd.Primitives;
using Peerd.Xrpl.Protocol.Handshake;

namespace Peerd.Xrpl.Protocol.Tests.Handshake;

public class SharedValueTests
{
    [Fact]
    public void IsTheFirstHalfOfSha512OfTheXorOfBothFinishedHashes()
    {
        var f1 = Hex.Decode("0102030405060708090a0b0c");
        var f2 = Hex.Decode("a1a2a3a4a5a6a7a8a9aaabac");
        var expected = new byte[64];
        var h1 = SHA512.HashData(f1);
        var h2 = SHA512.HashData(f2);
        for (var i = 0; i < 64; i++)
        {
            expected[i] = (byte)(h1[i] ^ h2[i]);
        }

        var shared = new byte[32];
        Assert.Equal(SharedValueError.None, SharedValue.TryCompute(f1, f2, shared));
        Assert.Equal(SHA512.HashData(expected)[..32], shared);

        // The same on both ends: the peer passes the two messages the other way round.
        var other = new byte[32];
        Assert.Equal(SharedValueError.None, SharedValue.TryCompute(f2, f1, other));
        Assert.Equal(shared, other);
    }

    [Fact]
    public void AcceptsTls13SizedFinishedMessages()
    {
        var shared = new byte[32];
        Assert.Equal(SharedValueError.None, SharedValue.TryCompute(new byte[48], Enumerable.Repeat((byte)1, 48).ToArray(), shared));
    }

    [Fact]
    public void RefusesShortOrIdenticalFinishedMessages()
    {
        var shared = new byte[32];
        Assert.Equal(SharedValueError.LocalFinishedTooShort, SharedValue.TryCompute(new byte[11], new byte[12], shared));
        Assert.Equal(SharedValueError.PeerFinishedTooShort, SharedValue.TryCompute(new byte[12], new byte[11], shared));
        var same = Hex.Decode("0102030405060708090a0b0c");
        Assert.Equal(SharedValueError.IdenticalFinished, SharedValue.TryCompute(same, same.ToArray(), shared));
    }
}
