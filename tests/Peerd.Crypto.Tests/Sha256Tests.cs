using System.Security.Cryptography;
using Peerd.Primitives;

namespace Peerd.Crypto.Tests;

public class Sha256Tests
{
    // FIPS 180-2, Appendix B (SHA-256 examples), and the empty message.
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void HashMatchesFips180Examples(string message, string expected)
    {
        var digest = new byte[Sha256.HashLength];
        Sha256.Hash(System.Text.Encoding.ASCII.GetBytes(message), digest);
        Assert.Equal(expected, Hex.Encode(digest));
        Assert.Equal(expected, Hex.Encode(Sha256.Hash(System.Text.Encoding.ASCII.GetBytes(message))));
    }

    [Fact]
    public void TwoPartHashEqualsHashOfTheConcatenation()
    {
        var data = RandomBytes(300, seed: 1);
        for (var split = 0; split <= data.Length; split += 7)
        {
            var digest = new byte[Sha256.HashLength];
            Sha256.Hash(data.AsSpan(0, split), data.AsSpan(split), digest);
            Assert.Equal(SHA256.HashData(data), digest);
        }
    }

    [Fact]
    public void DigestMayOverwriteItsOwnInput()
    {
        // Noise's h = SHA-256(h || data), written over h.
        var h = RandomBytes(32, seed: 2);
        var data = RandomBytes(33, seed: 3);
        var expected = SHA256.HashData([.. h, .. data]);
        Sha256.Hash(h, data, h);
        Assert.Equal(expected, h);
    }

    [Fact]
    public void HashAgreesWithSystemSecurityCryptographyForEverySizeUpTo300()
    {
        var random = new Random(180);
        for (var size = 0; size <= 300; size++)
        {
            var data = new byte[size];
            random.NextBytes(data);
            var digest = new byte[Sha256.HashLength];
            Sha256.Hash(data, digest);
            Assert.Equal(SHA256.HashData(data), digest);
        }
    }

    [Fact]
    public void ADigestBufferShorterThan32BytesIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sha256.Hash("abc"u8, new byte[31]));
    }

    internal static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
