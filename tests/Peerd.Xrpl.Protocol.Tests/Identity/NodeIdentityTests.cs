using System.Security.Cryptography;
using Peerd.Crypto;
using Peerd.Primitives;
using Peerd.Xrpl.Protocol.Identity;
using Peerd.Xrpl.Protocol.Tests.Support;

namespace Peerd.Xrpl.Protocol.Tests.Identity;

public class NodeIdentityTests
{
    public static TheoryData<string, string, string, string, string, string> DerivedKeys() => Vectors.NodeKeys();

    [Theory]
    [MemberData(nameof(DerivedKeys))]
    public void FromSeedDerivesTheNodeKeyRippleKeypairsDerivesForValidators(string seed, string seedHex, string privateKeyHex, string nodePrivate, string publicKeyHex, string nodePublic)
    {
        Assert.True(FamilySeed.TryParse(seed, out var parsed));
        Assert.Equal(seedHex, Hex.Encode(parsed.Bytes));
        Assert.Equal(seed, parsed.ToBase58());

        var secret = NodeKeyDerivation.DeriveRootPrivateKey(parsed);
        Assert.Equal(privateKeyHex, Hex.Encode(secret));
        Assert.Equal(nodePrivate, NodeIdentity.EncodeNodePrivate(secret));

        var identity = NodeIdentity.FromSeed(parsed);
        Assert.Equal(publicKeyHex, identity.PublicKey.ToHex());
        Assert.Equal(nodePublic, identity.PublicKey.ToBase58());
    }

    [Fact]
    public void MasterpassphraseGivesRippledsPublishedNodeKeys()
    {
        // rippled SecretKey_test "Node keypair generation & signing (secp256k1)".
        var seed = FamilySeed.FromPassphrase("masterpassphrase");
        Assert.Equal("snoPBrXtMeMyMHUVTgbuqAfg1SUTb", seed.ToBase58());
        var identity = NodeIdentity.FromSeed(seed);
        Assert.Equal("n94a1u4jAz288pZLtw6yFWVbi89YamiC6JBXPVUj5zmExe5fTVg9", identity.PublicKey.ToString());
        Assert.Equal("pnen77YEeUd4fFKG7iycBWcwKpTaeFRkW2WFostaATy1DSupwXe", NodeIdentity.EncodeNodePrivate(NodeKeyDerivation.DeriveRootPrivateKey(seed)));
    }

    [Fact]
    public void SignDigestProducesALowSStrictDerSignatureThePublicKeyVerifies()
    {
        var identity = NodeIdentity.FromSeed(FamilySeed.FromPassphrase("masterpassphrase"));
        var digest = SHA256.HashData("Hello, nurse!"u8);
        var signature = identity.SignDigest(digest);
        Assert.Equal(0x30, signature[0]);
        Assert.True(identity.PublicKey.VerifyDigest(digest, signature));
        Assert.True(Secp256k1.VerifyDer(signature, digest, identity.PublicKey.Bytes, allowHighS: false));
        digest[0] ^= 1;
        Assert.False(identity.PublicKey.VerifyDigest(digest, signature));
    }

    [Fact]
    public void SignDigestMatchesNobleCurvesBitForBit()
    {
        // @noble/curves 2.4.0: secp256k1.sign(32 × 0x07, <masterpassphrase node key>, { prehash: false, format: 'der' }).
        // Both follow RFC 6979 without extra entropy, so the signatures are identical.
        var identity = NodeIdentity.FromSeed(FamilySeed.FromPassphrase("masterpassphrase"));
        var digest = Enumerable.Repeat((byte)7, 32).ToArray();
        Assert.Equal(
            "3045022100d6efdabb0909b0d2cc5b2acaada3809cc38f919b54d284234caa03952407344302206d9c722bc4aaaa574d7bb107a332ce87562a8c4c4fde42d4b07ca34370e85597",
            Hex.Encode(identity.SignDigest(digest)));
    }

    [Fact]
    public void FamilySeedTryParseRejectsNodeKeysAndGarbage()
    {
        Assert.False(FamilySeed.TryParse("n94a1u4jAz288pZLtw6yFWVbi89YamiC6JBXPVUj5zmExe5fTVg9", out _));
        Assert.False(FamilySeed.TryParse("snoPBrXtMeMyMHUVTgbuqAfg1SUTc", out _));
        Assert.False(FamilySeed.TryParse("", out _));
    }
}
