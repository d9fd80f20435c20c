using Peerd.Primitives;

namespace Peerd.Crypto.Tests;

public class Secp256k1PublicKeyTests
{
    private const string Bolt8InitiatorEphemeralPrivate = "1212121212121212121212121212121212121212121212121212121212121212";
    private const string Bolt8ResponderStaticPublic = "028d7500dd4c12685d1f568b4c2b5048e8534b873319f3a8daa612b469132ec7f7";

    [Fact]
    public void EcdhWithAParsedKeyMatchesBolt8ActOneSecret()
    {
        // BOLT 8: e.priv = 0x12…12, rs.pub = 028d75… → ss = 1e2fb3….
        Assert.True(Secp256k1PublicKey.TryParse(Hex.Decode(Bolt8ResponderStaticPublic), out var rs));
        Assert.True(rs.IsValid);
        var secret = new byte[32];
        Assert.True(Secp256k1.TryEcdh(Hex.Decode(Bolt8InitiatorEphemeralPrivate), rs, secret));
        Assert.Equal("1e2fb3c8fe8fb9f262f649f64d26ecf0f2c0a805a767cf02dc2d77a6ef1fdcc3", Hex.Encode(secret));
    }

    [Fact]
    public void ParsedAndUnparsedEcdhAgreeAndAParsedKeyServesManyEcdhs()
    {
        var remote = StaticKey.Generate();
        Assert.True(Secp256k1PublicKey.TryParse(remote.PublicKey, out var parsed));
        for (var i = 0; i < 4; i++)
        {
            var local = StaticKey.Generate();
            var viaBytes = new byte[32];
            var viaParsed = new byte[32];
            var viaKey = new byte[32];
            Assert.True(Secp256k1.TryEcdh(local.PrivateKey, remote.PublicKey, viaBytes));
            Assert.True(Secp256k1.TryEcdh(local.PrivateKey, parsed, viaParsed));
            Assert.True(local.TryEcdh(parsed, viaKey));
            Assert.Equal(viaBytes, viaParsed);
            Assert.Equal(viaBytes, viaKey);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("02")]
    [InlineData("048d7500dd4c12685d1f568b4c2b5048e8534b873319f3a8daa612b469132ec7f7")]
    [InlineData("020000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("02ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("028d7500dd4c12685d1f568b4c2b5048e8534b873319f3a8daa612b469132ec7f700")]
    public void InvalidPointsFailToParse(string hex)
    {
        Assert.False(Secp256k1PublicKey.TryParse(Hex.Decode(hex), out var key));
        Assert.False(key.IsValid);
        Assert.False(Secp256k1.TryEcdh(Hex.Decode(Bolt8InitiatorEphemeralPrivate), key, new byte[32]));
    }

    [Fact]
    public void AnUnparsedDefaultKeyFailsEcdhInsteadOfReachingTheLibrary()
    {
        var key = default(Secp256k1PublicKey);
        Assert.False(key.IsValid);
        Assert.False(Secp256k1.TryEcdh(Hex.Decode(Bolt8InitiatorEphemeralPrivate), key, new byte[32]));
        Assert.False(StaticKey.Generate().TryEcdh(key, new byte[32]));
    }

    [Fact]
    public void AnInvalidPrivateKeyFailsEcdh()
    {
        Assert.True(Secp256k1PublicKey.TryParse(Hex.Decode(Bolt8ResponderStaticPublic), out var rs));
        Assert.False(Secp256k1.TryEcdh(new byte[32], rs, new byte[32]));
        Assert.False(Secp256k1.TryEcdh(new byte[31], rs, new byte[32]));
    }
}
