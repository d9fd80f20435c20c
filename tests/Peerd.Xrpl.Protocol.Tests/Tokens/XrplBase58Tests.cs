using Peerd.Primitives;
using Peerd.Xrpl.Protocol.Tests.Support;
using Peerd.Xrpl.Protocol.Tokens;

namespace Peerd.Xrpl.Protocol.Tests.Tokens;

public class XrplBase58Tests
{
    public static TheoryData<string, string> NodeKeys() => Vectors.ValidatorKeys();

    public static TheoryData<string, string, string, string, string, string> DerivedKeys() => Vectors.NodeKeys();

    [Theory]
    [MemberData(nameof(NodeKeys))]
    public void EncodeTokenReproducesRippledNodePublicKeys(string nodePublic, string publicKeyHex)
    {
        Assert.Equal(nodePublic, XrplBase58.EncodeToken(TokenType.NodePublic, Hex.Decode(publicKeyHex)));
        Assert.True(XrplBase58.TryDecodeToken(nodePublic, TokenType.NodePublic, 33, out var decoded));
        Assert.Equal(publicKeyHex, Hex.Encode(decoded));
    }

    [Theory]
    [MemberData(nameof(DerivedKeys))]
    public void EncodeTokenMatchesRippleAddressCodecForSeedsAndNodeKeys(string seed, string seedHex, string privateKeyHex, string nodePrivate, string publicKeyHex, string nodePublic)
    {
        Assert.Equal(seed, XrplBase58.EncodeToken(TokenType.FamilySeed, Hex.Decode(seedHex)));
        Assert.Equal(nodePrivate, XrplBase58.EncodeToken(TokenType.NodePrivate, Hex.Decode(privateKeyHex)));
        Assert.Equal(nodePublic, XrplBase58.EncodeToken(TokenType.NodePublic, Hex.Decode(publicKeyHex)));
        Assert.StartsWith("n", nodePublic, StringComparison.Ordinal);
        Assert.StartsWith("s", seed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("00", "r")]
    [InlineData("0000", "rr")]
    [InlineData("0001", "rp")]
    [InlineData("39", "z")]
    [InlineData("3a", "pr")]
    [InlineData("ff", "nQ")]
    public void EncodeUsesTheXrplAlphabetWithLeadingZerosAsR(string hex, string expected)
    {
        Assert.Equal(expected, XrplBase58.Encode(Hex.Decode(hex)));
        if (expected.Length > 0)
        {
            Assert.True(XrplBase58.TryDecode(expected, out var decoded));
            Assert.Equal(hex, Hex.Encode(decoded));
        }
    }

    [Fact]
    public void EncodeAndDecodeRoundTripRandomInputs()
    {
        var random = new Random(28);
        for (var i = 0; i < 500; i++)
        {
            var data = new byte[random.Next(0, 70)];
            random.NextBytes(data);
            if (data.Length > 0 && random.Next(4) == 0)
            {
                data[0] = 0;
            }

            var text = XrplBase58.Encode(data);
            if (text.Length == 0)
            {
                continue;
            }

            Assert.True(XrplBase58.TryDecode(text, out var back));
            Assert.Equal(data, back);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("!ty89234gh45")]
    [InlineData("n94a1u4jAz288pZLtw6yFWVbi89YamiC6JBXPVUj5zmExe5fTVg0")] // 0 is not in the alphabet
    [InlineData("n94a1u4jAz288pZLtw6yFWVbi89YamiC6JBXPVUj5zmExe5fTVgl")] // nor is l
    public void TryDecodeTokenRejectsMalformedText(string text)
    {
        Assert.False(XrplBase58.TryDecodeToken(text, TokenType.NodePublic, 33, out _));
    }

    [Fact]
    public void TryDecodeTokenRejectsEveryCorruptionOfAValidKey()
    {
        const string good = "n94a1u4jAz288pZLtw6yFWVbi89YamiC6JBXPVUj5zmExe5fTVg9";
        for (var i = 0; i < good.Length; i++)
        {
            var removed = good.Remove(i, 1);
            Assert.False(XrplBase58.TryDecodeToken(removed, TokenType.NodePublic, 33, out _), removed);
            var replacement = good[i] == 'r' ? 'p' : 'r';
            var changed = good[..i] + replacement + good[(i + 1)..];
            Assert.False(XrplBase58.TryDecodeToken(changed, TokenType.NodePublic, 33, out _), changed);
        }
    }

    [Fact]
    public void TryDecodeTokenRejectsAnotherTokenTypeOrLength()
    {
        const string seed = "snoPBrXtMeMyMHUVTgbuqAfg1SUTb";
        Assert.True(XrplBase58.TryDecodeToken(seed, TokenType.FamilySeed, 16, out _));
        Assert.False(XrplBase58.TryDecodeToken(seed, TokenType.NodePublic, 16, out _));
        Assert.False(XrplBase58.TryDecodeToken(seed, TokenType.FamilySeed, 17, out _));
        Assert.False(XrplBase58.TryDecodeToken(new string('r', XrplBase58.MaxTextLength + 1), TokenType.FamilySeed, 16, out _));
    }
}
