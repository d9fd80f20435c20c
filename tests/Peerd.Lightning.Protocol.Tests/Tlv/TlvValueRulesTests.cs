using Peerd.Lightning.Protocol.Tlv;

namespace Peerd.Lightning.Protocol.Tests.Tlv;

public class TlvValueRulesTests
{
    [Theory]
    [InlineData(1, TlvError.KnownValueTooShort)]
    [InlineData(2, TlvError.None)]
    [InlineData(3, TlvError.KnownValueTooLong)]
    public void FixedLengthComparesExactly(int length, TlvError expected)
    {
        Assert.Equal(expected, TlvValueRules.FixedLength(2)(new byte[length]));
    }

    [Theory]
    [InlineData(0, TlvError.None)]
    [InlineData(64, TlvError.None)]
    [InlineData(33, TlvError.KnownValueInvalid)]
    public void ArrayOfNeedsWholeElements(int length, TlvError expected)
    {
        Assert.Equal(expected, TlvValueRules.ArrayOf(32)(new byte[length]));
    }

    [Fact]
    public void TruncatedRulesBoundTheWidth()
    {
        Assert.Equal(TlvError.None, TlvValueRules.TruncatedUInt16([0x01, 0x00]));
        Assert.Equal(TlvError.KnownValueTooLong, TlvValueRules.TruncatedUInt16([0x01, 0x00, 0x00]));
        Assert.Equal(TlvError.None, TlvValueRules.TruncatedUInt32([0x01, 0x00, 0x00, 0x00]));
        Assert.Equal(TlvError.KnownValueNotMinimal, TlvValueRules.TruncatedUInt64([0x00, 0x01]));
        Assert.Equal(TlvError.None, TlvValueRules.AnyLength(new byte[1000]));
    }

    [Theory]
    [InlineData("03", TlvError.None)]
    [InlineData("fd0100", TlvError.None)]
    [InlineData("", TlvError.KnownValueTooShort)]
    [InlineData("fd01", TlvError.KnownValueTooShort)]
    [InlineData("fd00fc", TlvError.KnownValueNotMinimal)]
    [InlineData("0300", TlvError.KnownValueTooLong)]
    public void BigSizeValueIsOneMinimalBigSizeFillingTheValue(string hex, TlvError expected)
    {
        Assert.Equal(expected, TlvValueRules.BigSizeValue(Peerd.Primitives.Hex.Decode(hex)));
    }

    [Theory]
    [InlineData(0, TlvError.KnownValueTooShort)]
    [InlineData(1, TlvError.None)]
    [InlineData(100, TlvError.None)]
    public void AtLeastBoundsOnlyTheMinimum(int length, TlvError expected)
    {
        Assert.Equal(expected, TlvValueRules.AtLeast(1)(new byte[length]));
    }
}
