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
}
