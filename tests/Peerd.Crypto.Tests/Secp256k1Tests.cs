using System.Security.Cryptography;
using Peerd.Crypto;
using Peerd.Primitives;

namespace Peerd.Crypto.Tests;

public class Secp256k1Tests
{
    // BOLT 8 Appendix A: ls.priv = 0x11…11 → ls.pub, and rs: 0x21…21 → 028d75….
    [Theory]
    [InlineData("1111111111111111111111111111111111111111111111111111111111111111", "034f355bdcb7cc0af728ef3cceb9615d90684bb5b2ca5f859ab0f0b704075871aa")]
    [InlineData("2121212121212121212121212121212121212121212121212121212121212121", "028d7500dd4c12685d1f568b4c2b5048e8534b873319f3a8daa612b469132ec7f7")]
    [InlineData("1212121212121212121212121212121212121212121212121212121212121212", "036360e856310ce5d294e8be33fc807077dc56ac80d95d9cd4ddbd21325eff73f7")]
    public void CreatePublicKeyMatchesBolt8Keys(string priv, string pub)
    {
        Assert.Equal(pub, Hex.Encode(Secp256k1.CreatePublicKey(Hex.Decode(priv))));
    }

    [Fact]
    public void EcdhIsSymmetricAndIsSha256OfCompressedPoint()
    {
        var a = StaticKey.Generate();
        var b = StaticKey.Generate();
        var ab = new byte[32];
        var ba = new byte[32];
        Assert.True(a.TryEcdh(b.PublicKey, ab));
        Assert.True(b.TryEcdh(a.PublicKey, ba));
        Assert.Equal(ab, ba);
    }

    [Fact]
    public void EcdhMatchesBolt8ActOneSecret()
    {
        // BOLT 8: e.priv = 0x12…12, rs.pub = 028d75… → ss = 1e2fb3c8fe8fb9f262f649f64d26ecf0f2c0a805a767cf02dc2d77a6ef1fdcc3
        var secret = new byte[32];
        Assert.True(Secp256k1.TryEcdh(
            Hex.Decode("1212121212121212121212121212121212121212121212121212121212121212"),
            Hex.Decode("028d7500dd4c12685d1f568b4c2b5048e8534b873319f3a8daa612b469132ec7f7"),
            secret));
        Assert.Equal("1e2fb3c8fe8fb9f262f649f64d26ecf0f2c0a805a767cf02dc2d77a6ef1fdcc3", Hex.Encode(secret));
    }

    [Theory]
    [InlineData("")]
    [InlineData("02")]
    [InlineData("048d7500dd4c12685d1f568b4c2b5048e8534b873319f3a8daa612b469132ec7f7")]
    [InlineData("020000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("02ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    public void InvalidPublicKeysAreRejectedWithoutThrowing(string hex)
    {
        var key = Hex.Decode(hex);
        Assert.False(Secp256k1.IsValidPublicKey(key));
        Assert.False(Secp256k1.TryEcdh(Hex.Decode("1111111111111111111111111111111111111111111111111111111111111111"), key, new byte[32]));
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")]
    [InlineData("11")]
    public void InvalidPrivateKeysAreRejected(string hex)
    {
        Assert.False(Secp256k1.IsValidPrivateKey(Hex.Decode(hex)));
        Assert.Throws<ArgumentException>(() => new StaticKey(Hex.Decode(hex)));
    }

    [Fact]
    public void CompactAndDerSignaturesVerify()
    {
        var key = StaticKey.Generate();
        var digest = SHA256.HashData("peerd"u8);
        var compact = new byte[64];
        Assert.True(key.TrySignCompact(digest, compact));
        Assert.True(Secp256k1.VerifyCompact(compact, digest, key.PublicKey));

        var der = new byte[Secp256k1.MaxDerSignatureLength];
        var length = key.SignDer(digest, der);
        Assert.InRange(length, 8, 72);
        Assert.True(Secp256k1.VerifyDer(der.AsSpan(0, length), digest, key.PublicKey));

        digest[0] ^= 1;
        Assert.False(Secp256k1.VerifyCompact(compact, digest, key.PublicKey));
        Assert.False(Secp256k1.VerifyDer(der.AsSpan(0, length), digest, key.PublicKey));
    }

    [Fact]
    public void HighSIsAcceptedOnlyWhenAllowed()
    {
        var key = StaticKey.Generate();
        var digest = SHA256.HashData("high-s"u8);
        var compact = new byte[64];
        Assert.True(key.TrySignCompact(digest, compact));

        // s' = n - s is the same signature with high S.
        var n = System.Numerics.BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);
        var s = new System.Numerics.BigInteger(compact.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
        var highS = (n - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        var flipped = compact.ToArray();
        Array.Clear(flipped, 32, 32);
        highS.CopyTo(flipped, 64 - highS.Length);

        Assert.False(Secp256k1.VerifyCompact(flipped, digest, key.PublicKey));
        Assert.True(Secp256k1.VerifyCompact(flipped, digest, key.PublicKey, allowHighS: true));
    }

    [Fact]
    public void MalformedDerIsRejected()
    {
        var key = StaticKey.Generate();
        Assert.False(Secp256k1.VerifyDer([0x30, 0x01, 0x00], new byte[32], key.PublicKey));
        Assert.False(Secp256k1.VerifyDer([], new byte[32], key.PublicKey));
        Assert.False(Secp256k1.VerifyDer(new byte[100], new byte[32], key.PublicKey));
    }
}
