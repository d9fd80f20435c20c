using System.Security.Cryptography;
using Peerd.Primitives;

namespace Peerd.Crypto.Tests;

public class ChaCha20Poly1305CipherTests
{
    // RFC 8439, section 2.8.2: "Example and Test Vector for AEAD_CHACHA20_POLY1305".
    private static readonly byte[] Rfc8439Plaintext =
        "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it."u8.ToArray();

    private static readonly byte[] Rfc8439Aad = Hex.Decode("50515253c0c1c2c3c4c5c6c7");
    private static readonly byte[] Rfc8439Key = Hex.Decode("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
    private static readonly byte[] Rfc8439Nonce = Hex.Decode("070000004041424344454647");

    private static readonly byte[] Rfc8439Ciphertext = Hex.Decode(
        "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92728b" +
        "1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc" +
        "3ff4def08e4b7a9de576d26586cec64b6116");

    private static readonly byte[] Rfc8439Tag = Hex.Decode("1ae10b594f09e26a7e902ecbd0600691");

    [Fact]
    public void SealMatchesRfc8439Section282()
    {
        using var cipher = new ChaCha20Poly1305Cipher(Rfc8439Key);
        var ciphertext = new byte[Rfc8439Plaintext.Length];
        var tag = new byte[ChaCha20Poly1305Cipher.TagLength];
        cipher.Seal(Rfc8439Nonce, Rfc8439Aad, Rfc8439Plaintext, ciphertext, tag);
        Assert.Equal(Rfc8439Ciphertext, ciphertext);
        Assert.Equal(Rfc8439Tag, tag);
    }

    [Fact]
    public void OpenMatchesRfc8439Section282()
    {
        using var cipher = new ChaCha20Poly1305Cipher(Rfc8439Key);
        var plaintext = new byte[Rfc8439Ciphertext.Length];
        Assert.True(cipher.TryOpen(Rfc8439Nonce, Rfc8439Aad, Rfc8439Ciphertext, Rfc8439Tag, plaintext));
        Assert.Equal(Rfc8439Plaintext, plaintext);
    }

    public static TheoryData<string> Tamperings => ["tag", "ciphertext", "aad", "nonce", "key"];

    [Theory]
    [MemberData(nameof(Tamperings))]
    public void TamperedInputFailsToOpenAndLeavesNoPlaintext(string tampered)
    {
        var key = tampered == "key" ? Flip(Rfc8439Key, 31) : Rfc8439Key;
        var nonce = tampered == "nonce" ? Flip(Rfc8439Nonce, 0) : Rfc8439Nonce;
        var aad = tampered == "aad" ? Flip(Rfc8439Aad, 11) : Rfc8439Aad;
        var ciphertext = tampered == "ciphertext" ? Flip(Rfc8439Ciphertext, 57) : Rfc8439Ciphertext;
        var tag = tampered == "tag" ? Flip(Rfc8439Tag, 15) : Rfc8439Tag;

        using var cipher = new ChaCha20Poly1305Cipher(key);
        var plaintext = new byte[ciphertext.Length];
        plaintext.AsSpan().Fill(0xEE);
        Assert.False(cipher.TryOpen(nonce, aad, ciphertext, tag, plaintext));
        Assert.All(plaintext, b => Assert.Equal(0, b));

        // The context is still usable: the genuine message opens afterwards.
        cipher.SetKey(Rfc8439Key);
        Assert.True(cipher.TryOpen(Rfc8439Nonce, Rfc8439Aad, Rfc8439Ciphertext, Rfc8439Tag, plaintext));
        Assert.Equal(Rfc8439Plaintext, plaintext);
    }

    [Fact]
    public void SealAndOpenWorkInPlace()
    {
        using var cipher = new ChaCha20Poly1305Cipher(Rfc8439Key);
        var buffer = Rfc8439Plaintext.ToArray();
        var tag = new byte[16];
        cipher.Seal(Rfc8439Nonce, Rfc8439Aad, buffer, buffer, tag);
        Assert.Equal(Rfc8439Ciphertext, buffer);
        Assert.Equal(Rfc8439Tag, tag);

        Assert.True(cipher.TryOpen(Rfc8439Nonce, Rfc8439Aad, buffer, tag, buffer));
        Assert.Equal(Rfc8439Plaintext, buffer);
    }

    [Fact]
    public void SetKeyReplacesTheKeyOfTheSameObject()
    {
        var other = Sha256Tests.RandomBytes(32, seed: 9);
        using var cipher = new ChaCha20Poly1305Cipher(other);
        var tag = new byte[16];
        var ciphertext = new byte[Rfc8439Plaintext.Length];
        cipher.Seal(Rfc8439Nonce, Rfc8439Aad, Rfc8439Plaintext, ciphertext, tag);
        Assert.NotEqual(Rfc8439Ciphertext, ciphertext);

        cipher.SetKey(Rfc8439Key);
        cipher.Seal(Rfc8439Nonce, Rfc8439Aad, Rfc8439Plaintext, ciphertext, tag);
        Assert.Equal(Rfc8439Ciphertext, ciphertext);
        Assert.Equal(Rfc8439Tag, tag);

        cipher.SetKey(other);
        Assert.False(cipher.TryOpen(Rfc8439Nonce, Rfc8439Aad, Rfc8439Ciphertext, Rfc8439Tag, ciphertext));
    }

    [Fact]
    public void AnEmptyPlaintextStillAuthenticatesTheAssociatedData()
    {
        // BOLT 8's handshake tags: encryptWithAD(k, n, h, zero-length plaintext).
        var key = Sha256Tests.RandomBytes(32, seed: 10);
        var nonce = new byte[12];
        var aad = Sha256Tests.RandomBytes(32, seed: 11);
        using var cipher = new ChaCha20Poly1305Cipher(key);
        using var reference = new ChaCha20Poly1305(key);
        var tag = new byte[16];
        cipher.Seal(nonce, aad, [], [], tag);
        var expected = new byte[16];
        reference.Encrypt(nonce, ReadOnlySpan<byte>.Empty, Span<byte>.Empty, expected, aad);
        Assert.Equal(expected, tag);

        Assert.True(cipher.TryOpen(nonce, aad, [], tag, []));
        Assert.False(cipher.TryOpen(nonce, Flip(aad, 0), [], tag, []));
        Assert.True(cipher.TryOpen(nonce, [], [], Seal(cipher, nonce, []), []));
    }

    [Fact]
    public void TheLargestLightningMessageRoundTrips()
    {
        var key = Sha256Tests.RandomBytes(32, seed: 12);
        var nonce = Sha256Tests.RandomBytes(12, seed: 13);
        var message = Sha256Tests.RandomBytes(ushort.MaxValue, seed: 14);
        using var cipher = new ChaCha20Poly1305Cipher(key);
        using var reference = new ChaCha20Poly1305(key);
        var ciphertext = new byte[message.Length];
        var tag = new byte[16];
        cipher.Seal(nonce, [], message, ciphertext, tag);

        var expected = new byte[message.Length];
        var expectedTag = new byte[16];
        reference.Encrypt(nonce, message, expected, expectedTag);
        Assert.Equal(expected, ciphertext);
        Assert.Equal(expectedTag, tag);

        var plaintext = new byte[message.Length];
        Assert.True(cipher.TryOpen(nonce, [], ciphertext, tag, plaintext));
        Assert.Equal(message, plaintext);
    }

    [Fact]
    public void SealAndOpenAgreeWithSystemSecurityCryptographyForSizesUpTo300()
    {
        var random = new Random(8439);
        var key = new byte[32];
        random.NextBytes(key);
        using var cipher = new ChaCha20Poly1305Cipher(key);
        using var reference = new ChaCha20Poly1305(key);
        for (var size = 0; size <= 300; size++)
        {
            var nonce = new byte[12];
            var aad = new byte[random.Next(0, 64)];
            var message = new byte[size];
            random.NextBytes(nonce);
            random.NextBytes(aad);
            random.NextBytes(message);

            var ciphertext = new byte[size];
            var tag = new byte[16];
            cipher.Seal(nonce, aad, message, ciphertext, tag);
            var expected = new byte[size];
            var expectedTag = new byte[16];
            reference.Encrypt(nonce, message, expected, expectedTag, aad);
            Assert.Equal(expected, ciphertext);
            Assert.Equal(expectedTag, tag);

            var plaintext = new byte[size];
            Assert.True(cipher.TryOpen(nonce, aad, expected, expectedTag, plaintext));
            Assert.Equal(message, plaintext);
        }
    }

    [Fact]
    public void WrongLengthsAndShiftedOverlapsAreRejected()
    {
        using var cipher = new ChaCha20Poly1305Cipher(Rfc8439Key);
        var buffer = new byte[64];
        Assert.Throws<ArgumentException>(() => new ChaCha20Poly1305Cipher(new byte[16]));
        Assert.Throws<ArgumentException>(() => cipher.SetKey(new byte[33]));
        Assert.Throws<ArgumentException>(() => cipher.Seal(new byte[8], [], buffer.AsSpan(0, 8), buffer.AsSpan(8, 8), new byte[16]));
        Assert.Throws<ArgumentException>(() => cipher.Seal(new byte[12], [], buffer.AsSpan(0, 8), buffer.AsSpan(8, 8), new byte[15]));
        Assert.Throws<ArgumentException>(() => cipher.Seal(new byte[12], [], buffer.AsSpan(0, 8), buffer.AsSpan(8, 9), new byte[16]));
        Assert.Throws<ArgumentException>(() => cipher.Seal(new byte[12], [], buffer.AsSpan(0, 8), buffer.AsSpan(4, 8), new byte[16]));
        Assert.Throws<ArgumentException>(() => cipher.TryOpen(new byte[12], [], buffer.AsSpan(0, 8), new byte[16], buffer.AsSpan(1, 8)));
    }

    [Fact]
    public void ADisposedCipherRefusesToWork()
    {
        var cipher = new ChaCha20Poly1305Cipher(Rfc8439Key);
        cipher.Dispose();
        cipher.Dispose();
        Assert.Throws<ObjectDisposedException>(() => cipher.Seal(new byte[12], [], [], [], new byte[16]));
        Assert.Throws<ObjectDisposedException>(() => cipher.SetKey(Rfc8439Key));
    }

    private static byte[] Seal(ChaCha20Poly1305Cipher cipher, byte[] nonce, byte[] aad)
    {
        var tag = new byte[16];
        cipher.Seal(nonce, aad, [], [], tag);
        return tag;
    }

    private static byte[] Flip(byte[] bytes, int index)
    {
        var copy = bytes.ToArray();
        copy[index] ^= 0x01;
        return copy;
    }
}
