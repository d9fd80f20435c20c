using Peerd.Primitives;

namespace Peerd.Crypto.Tests;

public class EphemeralKeyPairTests
{
    [Fact]
    public void AGeneratedPairsPublicKeyBelongsToItsSecret()
    {
        var pair = EphemeralKeyPair.Generate();
        var secret = new byte[Secp256k1.PrivateKeyLength];
        pair.TakePrivateKey(secret);
        Assert.Equal(Secp256k1.CreatePublicKey(secret), pair.PublicKey.ToArray());
    }

    [Fact]
    public void GeneratedPairsDiffer()
    {
        Assert.NotEqual(EphemeralKeyPair.Generate().PublicKey.ToArray(), EphemeralKeyPair.Generate().PublicKey.ToArray());
    }

    [Fact]
    public void APairFromASecretHasThatSecretsPublicKey()
    {
        // BOLT 8's initiator ephemeral key: e.priv = 0x12…12, e.pub = 036360e8….
        var pair = EphemeralKeyPair.FromPrivateKey(Hex.Decode("1212121212121212121212121212121212121212121212121212121212121212"));
        Assert.Equal("036360e856310ce5d294e8be33fc807077dc56ac80d95d9cd4ddbd21325eff73f7", Hex.Encode(pair.PublicKey));
    }

    [Theory]
    [InlineData("")]
    [InlineData("00")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")]
    public void ASecretThatIsNotAKeyIsRefused(string secret)
    {
        Assert.Throws<ArgumentException>(() => EphemeralKeyPair.FromPrivateKey(Hex.Decode(secret)));
    }

    [Fact]
    public void TheSecretLeavesOnceAndIsWipedAsItDoes()
    {
        var pair = EphemeralKeyPair.FromPrivateKey(Hex.Decode("1212121212121212121212121212121212121212121212121212121212121212"));
        Assert.False(pair.IsTaken);
        var secret = new byte[Secp256k1.PrivateKeyLength];
        pair.TakePrivateKey(secret);
        Assert.True(pair.IsTaken);
        Assert.Equal("1212121212121212121212121212121212121212121212121212121212121212", Hex.Encode(secret));

        var again = new byte[Secp256k1.PrivateKeyLength];
        Assert.Throws<InvalidOperationException>(() => pair.TakePrivateKey(again));
        Assert.All(again, b => Assert.Equal(0, b));
    }

    [Fact]
    public void TakingIntoAShortBufferIsRefusedAndKeepsTheSecret()
    {
        var pair = EphemeralKeyPair.Generate();
        Assert.ThrowsAny<ArgumentException>(() => pair.TakePrivateKey(new byte[Secp256k1.PrivateKeyLength - 1]));
        Assert.False(pair.IsTaken);
    }
}
