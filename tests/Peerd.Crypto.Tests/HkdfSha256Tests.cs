using System.Security.Cryptography;
using Peerd.Primitives;

namespace Peerd.Crypto.Tests;

public class HkdfSha256Tests
{
    /// <summary>RFC 5869, Appendix A: test cases 1 to 3 (the SHA-256 ones): IKM, salt, info, PRK, OKM.</summary>
    public static TheoryData<string, string, string, string, string, string> Rfc5869 => new()
    {
        {
            "Test Case 1",
            "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b",
            "000102030405060708090a0b0c",
            "f0f1f2f3f4f5f6f7f8f9",
            "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5",
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"
        },
        {
            "Test Case 2",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f",
            "606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeaf",
            "b0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff",
            "06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244",
            "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87"
        },
        {
            "Test Case 3",
            "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b",
            "",
            "",
            "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04",
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"
        },
    };

    [Theory]
    [MemberData(nameof(Rfc5869))]
    public void ExtractExpandAndDeriveKeyMatchRfc5869(string name, string ikm, string salt, string info, string prk, string okm)
    {
        var actualPrk = new byte[HkdfSha256.PseudorandomKeyLength];
        HkdfSha256.Extract(Hex.Decode(salt), Hex.Decode(ikm), actualPrk);
        Assert.Equal(prk, Hex.Encode(actualPrk));

        var expanded = new byte[okm.Length / 2];
        HkdfSha256.Expand(actualPrk, Hex.Decode(info), expanded);
        Assert.Equal(okm, Hex.Encode(expanded));

        var derived = new byte[okm.Length / 2];
        HkdfSha256.DeriveKey(Hex.Decode(salt), Hex.Decode(ikm), Hex.Decode(info), derived);
        Assert.Equal(okm, Hex.Encode(derived));
    }

    [Fact]
    public void DeriveKeyAgreesWithSystemSecurityCryptographyForRandomSizes()
    {
        var random = new Random(5869);
        for (var size = 1; size <= 300; size++)
        {
            var ikm = new byte[size];
            var salt = new byte[random.Next(0, 100)];
            var info = new byte[random.Next(0, 100)];
            var output = new byte[random.Next(1, 300)];
            random.NextBytes(ikm);
            random.NextBytes(salt);
            random.NextBytes(info);
            HkdfSha256.DeriveKey(salt, ikm, info, output);
            Assert.Equal(HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, output.Length, salt, info), output);
        }
    }

    [Fact]
    public void DeriveTwoKeysIsTheFirst64BytesOfHkdfWithEmptyInfo()
    {
        var random = new Random(8);
        for (var size = 1; size <= 64; size++)
        {
            var salt = new byte[32];
            var ikm = new byte[size];
            random.NextBytes(salt);
            random.NextBytes(ikm);
            var expected = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 64, salt, []);
            var first = new byte[32];
            var second = new byte[32];
            HkdfSha256.DeriveTwoKeys(salt, ikm, first, second);
            Assert.Equal(expected[..32], first);
            Assert.Equal(expected[32..], second);
        }
    }

    [Fact]
    public void AnEmptyInputKeyMaterialIsAccepted()
    {
        // BOLT 8's final Split is HKDF(ck, zero): PRK = HMAC(ck, ""), which OpenSSL's own HKDF refuses to compute.
        var salt = Sha256Tests.RandomBytes(32, seed: 6);
        var prk = HMACSHA256.HashData(salt, Array.Empty<byte>());
        var expected = HKDF.Expand(HashAlgorithmName.SHA256, prk, 64, []);

        var first = new byte[32];
        var second = new byte[32];
        HkdfSha256.DeriveTwoKeys(salt, [], first, second);
        Assert.Equal(expected, first.Concat(second).ToArray());

        var output = new byte[64];
        HkdfSha256.DeriveKey(salt, [], [], output);
        Assert.Equal(expected, output);
    }

    [Fact]
    public void DeriveTwoKeysMayWriteOverItsInputs()
    {
        // ck, k = HKDF(ck, k), as BOLT 8's key rotation does it.
        var ck = Sha256Tests.RandomBytes(32, seed: 7);
        var k = Sha256Tests.RandomBytes(32, seed: 8);
        var expected = HKDF.DeriveKey(HashAlgorithmName.SHA256, k, 64, ck, []);
        HkdfSha256.DeriveTwoKeys(ck, k, ck, k);
        Assert.Equal(expected[..32], ck);
        Assert.Equal(expected[32..], k);
    }

    [Fact]
    public void OutOfRangeArgumentsAreRejected()
    {
        var prk = new byte[32];
        Assert.Throws<ArgumentOutOfRangeException>(() => HkdfSha256.Expand(new byte[31], [], new byte[32]));
        Assert.Throws<ArgumentOutOfRangeException>(() => HkdfSha256.Expand(prk, [], new byte[HkdfSha256.MaxOutputLength + 1]));
        var buffer = new byte[64];
        Assert.Throws<ArgumentException>(() => HkdfSha256.Expand(prk, buffer.AsSpan(0, 8), buffer.AsSpan(4, 32)));
        Assert.Throws<ArgumentOutOfRangeException>(() => HkdfSha256.DeriveTwoKeys(prk, prk, new byte[31], new byte[32]));

        // The longest output is allowed.
        HkdfSha256.Expand(prk, [], new byte[HkdfSha256.MaxOutputLength]);
    }
}
