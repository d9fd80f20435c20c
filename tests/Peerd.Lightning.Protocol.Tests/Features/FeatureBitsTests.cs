using Peerd.Lightning.Protocol.Features;

namespace Peerd.Lightning.Protocol.Tests.Features;

public class FeatureBitsTests
{
    [Theory]
    // Core Lightning's init features, as seen on the wire (contracts/cln-connect.md) and in its listpeers schema.
    [InlineData("0898880a8a59a1", new[] { 0, 5, 7, 8, 11, 12, 14, 17, 19, 23, 25, 27, 35, 39, 43, 44, 47, 51 })]
    [InlineData("800898882a8a59a1", new[] { 0, 5, 7, 8, 11, 12, 14, 17, 19, 23, 25, 27, 29, 35, 39, 43, 44, 47, 51, 63 })]
    [InlineData("", new int[0])]
    public void SetBitsOfCoreLightningBitmapsMatchTheDocumentedBits(string hex, int[] bits)
    {
        var parsed = FeatureBits.ParseHex(hex);
        Assert.Equal(bits, parsed.SetBits());
        Assert.Equal(hex, FeatureBits.FromBits(bits).ToHex());
        Assert.Equal(bits.Length == 0 ? -1 : bits[^1], parsed.HighestSetBit);
    }

    [Fact]
    public void BitZeroIsTheLowBitOfTheLastByte()
    {
        var bits = FeatureBits.FromBits(0, 9);
        Assert.Equal("0201", bits.ToHex());
        Assert.True(bits.IsSet(0));
        Assert.True(bits.IsSet(9));
        Assert.False(bits.IsSet(8));
        Assert.False(bits.IsSet(4000));
        Assert.False(bits.IsSet(-1));
    }

    [Fact]
    public void OfferedMeansEitherBitOfThePairAndRequiredMeansTheEvenBit()
    {
        var bits = FeatureBits.FromBits(9, 12);
        Assert.True(bits.IsOffered(8));
        Assert.True(bits.IsOffered(9));
        Assert.False(bits.IsRequired(8));
        Assert.True(bits.IsOffered(13));
        Assert.True(bits.IsRequired(13));
        Assert.False(bits.IsOffered(14));
    }

    [Fact]
    public void WithAndWithoutReturnNewValuesAndLeaveTheOriginal()
    {
        var original = FeatureBits.FromBits(1);
        var grown = original.With(17);
        Assert.Equal("020002", grown.ToHex());
        Assert.Equal("02", original.ToHex());
        var cleared = grown.Without(17);
        Assert.Equal("000002", cleared.ToHex());
        Assert.Equal(original, cleared);
        Assert.Equal(1, cleared.MinimalLength);
        Assert.Equal("02", cleared.ToMinimal().ToHex());
    }

    [Fact]
    public void OrKeepsTheLongerLengthLikeCoreLightning()
    {
        var global = FeatureBits.ParseHex("2200");
        var local = FeatureBits.ParseHex("000000000001");
        var combined = global | local;
        Assert.Equal("000000002201", combined.ToHex());
        Assert.Equal(new[] { 0, 9, 13 }, combined.SetBits());
    }

    [Fact]
    public void EqualityIgnoresLeadingZeroBytes()
    {
        Assert.Equal(FeatureBits.ParseHex("0000a2"), FeatureBits.ParseHex("a2"));
        Assert.Equal(FeatureBits.ParseHex("0000a2").GetHashCode(), FeatureBits.ParseHex("a2").GetHashCode());
        Assert.NotEqual(FeatureBits.ParseHex("a2"), FeatureBits.ParseHex("a3"));
        Assert.True(FeatureBits.ParseHex("0000").IsEmpty);
        Assert.Equal(FeatureBits.Empty, FeatureBits.ParseHex("00"));
    }

    [Fact]
    public void WriteMinimalDropsLeadingZeroBytes()
    {
        var buffer = new byte[8];
        int written = FeatureBits.ParseHex("00000102").WriteMinimal(buffer);
        Assert.Equal(2, written);
        Assert.Equal(new byte[] { 1, 2 }, buffer[..2]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("zz")]
    [InlineData(null)]
    public void InvalidHexIsRejected(string? hex)
    {
        Assert.False(FeatureBits.TryParseHex(hex, out _));
    }

    [Fact]
    public void BitsBeyondAU16LengthBitmapThrow()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FeatureBits.Empty.With(FeatureBits.MaxBit + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => FeatureBits.FromBits(-2));
    }

    [Fact]
    public void RandomBitSetsRoundTripThroughHex()
    {
        var random = new Random(3);
        for (int i = 0; i < 200; i++)
        {
            var bits = Enumerable.Range(0, random.Next(10)).Select(_ => random.Next(300)).Distinct().Order().ToArray();
            var features = FeatureBits.FromBits(bits);
            Assert.Equal(bits, features.SetBits());
            Assert.Equal(features, FeatureBits.ParseHex(features.ToHex()));
            Assert.Equal(features.Length, features.MinimalLength);
        }
    }
}
