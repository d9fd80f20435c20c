using Peerd.Lightning.Protocol.Noise;
using Peerd.Primitives;
using Peerd.TestKit;

namespace Peerd.Lightning.Protocol.Tests.Noise;

public class CipherStateTests
{
    public static TheoryData<int> Rotations => [0, 1];

    /// <summary>"transport-message test" key_rotations: ck', k' = HKDF(ck, k) after every 1000 uses of a key.</summary>
    [Theory]
    [MemberData(nameof(Rotations))]
    public void KeyRotatesAfterEvery1000Operations(int rotation)
    {
        var vector = Bolt8Vectors.Messages;
        var expected = vector.GetProperty("key_rotations")[rotation];
        using var cipher = new CipherState(vector.Bytes("sk"), vector.Bytes("ck"));
        var tag = new byte[Bolt8Constants.MacLength];

        for (var i = 0; i < (rotation + 1) * Bolt8Constants.KeyRotationInterval; i++)
        {
            if (i == rotation * Bolt8Constants.KeyRotationInterval)
            {
                // The key this rotation starts from: sk itself, or the previous rotation's k'.
                Assert.Equal(expected.Text("hkdf_ikm_k"), Hex.Encode(cipher.Key));
                Assert.Equal(expected.Text("hkdf_salt_ck"), Hex.Encode(cipher.ChainingKey));
            }

            cipher.Encrypt([], [], tag);
        }

        Assert.Equal(0UL, cipher.Nonce);
        Assert.Equal(expected.Text("new_k"), Hex.Encode(cipher.Key));
        Assert.Equal(expected.Text("new_ck"), Hex.Encode(cipher.ChainingKey));
    }

    [Fact]
    public void NonceCountsOperationsUntilRotation()
    {
        var vector = Bolt8Vectors.Messages;
        using var cipher = new CipherState(vector.Bytes("sk"), vector.Bytes("ck"));
        var tag = new byte[Bolt8Constants.MacLength];
        for (var i = 0; i < Bolt8Constants.KeyRotationInterval - 1; i++)
        {
            cipher.Encrypt([], [], tag);
        }

        Assert.Equal((ulong)Bolt8Constants.KeyRotationInterval - 1, cipher.Nonce);
        Assert.Equal(vector.Text("sk"), Hex.Encode(cipher.Key));
    }

    [Fact]
    public void AFailedDecryptionDoesNotAdvanceTheNonce()
    {
        var vector = Bolt8Vectors.Messages;
        using var cipher = new CipherState(vector.Bytes("sk"), vector.Bytes("ck"));
        Assert.False(cipher.TryDecrypt(new byte[2], new byte[Bolt8Constants.MacLength], new byte[2]));
        Assert.Equal(0UL, cipher.Nonce);
    }

    [Fact]
    public void EncryptionAndDecryptionAcrossKeyRotationsAllocateNothing()
    {
        var vector = Bolt8Vectors.Messages;
        using var sender = new CipherState(vector.Bytes("sk"), vector.Bytes("ck"));
        using var receiver = new CipherState(vector.Bytes("sk"), vector.Bytes("ck"));
        var message = new byte[64];
        var ciphertext = new byte[64];
        var tag = new byte[Bolt8Constants.MacLength];

        // Warm up (first calls may allocate for JIT and type initialisation), then cross two rotations.
        RoundTrip(sender, receiver, message, ciphertext, tag, Bolt8Constants.KeyRotationInterval);
        var before = GC.GetAllocatedBytesForCurrentThread();
        RoundTrip(sender, receiver, message, ciphertext, tag, 2 * Bolt8Constants.KeyRotationInterval);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(sender.Key.ToArray(), receiver.Key.ToArray());
    }

    private static void RoundTrip(CipherState sender, CipherState receiver, byte[] message, byte[] ciphertext, byte[] tag, int count)
    {
        for (var i = 0; i < count; i++)
        {
            sender.Encrypt(message, ciphertext, tag);
            Assert.True(receiver.TryDecrypt(ciphertext, tag, message));
        }
    }
}
