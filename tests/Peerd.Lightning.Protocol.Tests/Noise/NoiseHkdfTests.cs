using System.Security.Cryptography;
using Peerd.Lightning.Protocol.Noise;
using Peerd.Primitives;
using Peerd.TestKit;

namespace Peerd.Lightning.Protocol.Tests.Noise;

public class NoiseHkdfTests
{
    public static TheoryData<int> Rotations => [0, 1];

    [Theory]
    [MemberData(nameof(Rotations))]
    public void DeriveMatchesBolt8KeyRotation(int rotation)
    {
        var vector = Bolt8Vectors.Messages.GetProperty("key_rotations")[rotation];
        var ck = new byte[32];
        var k = new byte[32];
        NoiseHkdf.Derive(vector.Bytes("hkdf_salt_ck"), vector.Bytes("hkdf_ikm_k"), ck, k);
        Assert.Equal(vector.Text("new_ck"), Hex.Encode(ck));
        Assert.Equal(vector.Text("new_k"), Hex.Encode(k));
    }

    [Fact]
    public void DeriveMatchesActOneTrace()
    {
        // "HKDF(0x2640f5…,0x1e2fb3…)" → "ck,temp_k1=0xb61ec1…,0xe68f69…"
        var vector = Bolt8Vectors.Initiator.Named("transport-initiator successful handshake");
        var inputs = Bolt8Vectors.Trace(vector, "Act One", "HKDF(");
        var outputs = Bolt8Vectors.Trace(vector, "Act One", "ck,temp_k1=");
        var ck = new byte[32];
        var tempK1 = new byte[32];
        NoiseHkdf.Derive(Hex.Decode(inputs[0]), Hex.Decode(inputs[1].TrimEnd(')')), ck, tempK1);
        Assert.Equal(outputs[0], Hex.Encode(ck));
        Assert.Equal(outputs[1], Hex.Encode(tempK1));
    }

    [Fact]
    public void DeriveWritesOverItsInputs()
    {
        // ck, k = HKDF(ck, k) in place, as key rotation does it.
        var vector = Bolt8Vectors.Messages.GetProperty("key_rotations")[0];
        var ck = vector.Bytes("hkdf_salt_ck");
        var k = vector.Bytes("hkdf_ikm_k");
        NoiseHkdf.Derive(ck, k, ck, k);
        Assert.Equal(vector.Text("new_ck"), Hex.Encode(ck));
        Assert.Equal(vector.Text("new_k"), Hex.Encode(k));
    }

    [Fact]
    public void DeriveEqualsRfc5869HkdfWithEmptyInfo()
    {
        var salt = new byte[32];
        var ikm = new byte[32];
        var random = new Random(5869);
        for (var i = 0; i < 16; i++)
        {
            random.NextBytes(salt);
            random.NextBytes(ikm);
            var expected = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 64, salt, []);
            var actual = new byte[64];
            NoiseHkdf.Derive(salt, ikm, actual.AsSpan(0, 32), actual.AsSpan(32));
            Assert.Equal(expected, actual);
        }
    }
}
