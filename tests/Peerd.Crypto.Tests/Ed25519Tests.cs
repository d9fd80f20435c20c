using Peerd.Crypto;

namespace Peerd.Crypto.Tests;

public class Ed25519Tests
{
    // RFC 8032 §7.1, TEST 1 (empty message) and TEST 2 (one byte).
    private const string Test1Secret = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private const string Test1Public = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private const string Test1Signature = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
    private const string Test2Public = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
    private const string Test2Signature = "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";

    [Fact]
    public void VerifiesRfc8032Vectors()
    {
        Assert.True(Ed25519.Verify(Convert.FromHexString(Test1Signature), [], Convert.FromHexString(Test1Public)));
        Assert.True(Ed25519.Verify(Convert.FromHexString(Test2Signature), [0x72], Convert.FromHexString(Test2Public)));
    }

    [Fact]
    public void SignsRfc8032Vector()
    {
        var secret = Convert.FromHexString(Test1Secret);
        Assert.Equal(Test1Public, Convert.ToHexStringLower(Ed25519.CreatePublicKey(secret)));
        var signature = new byte[Ed25519.SignatureLength];
        Assert.True(Ed25519.TrySign([], secret, signature));
        Assert.Equal(Test1Signature, Convert.ToHexStringLower(signature));
    }

    [Fact]
    public void RefusesAlteredMessageSignatureAndKey()
    {
        var signature = Convert.FromHexString(Test2Signature);
        var key = Convert.FromHexString(Test2Public);
        Assert.False(Ed25519.Verify(signature, [0x73], key));
        signature[5] ^= 1;
        Assert.False(Ed25519.Verify(signature, [0x72], key));
        Assert.False(Ed25519.Verify(Convert.FromHexString(Test2Signature), [0x72], Convert.FromHexString(Test1Public)));
        Assert.False(Ed25519.Verify(signature.AsSpan(1).ToArray(), [0x72], key));
        Assert.False(Ed25519.Verify(Convert.FromHexString(Test2Signature), [0x72], key.AsSpan(1).ToArray()));
    }

    [Fact]
    public void RefusesNonCanonicalS()
    {
        // S + L (the group order) verifies under a lax check; RFC 8032 §5.1.7 and rippled's ed25519Canonical refuse it.
        var signature = Convert.FromHexString(Test1Signature);
        var l = Convert.FromHexString("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
        var carry = 0;
        for (var i = 0; i < 32; i++)
        {
            var sum = signature[32 + i] + l[i] + carry;
            signature[32 + i] = (byte)sum;
            carry = sum >> 8;
        }

        Assert.False(Ed25519.Verify(signature, [], Convert.FromHexString(Test1Public)));
    }
}
