using Peerd.Lightning.Rpc.Parameters;

namespace Peerd.Lightning.Tests.Rpc.Parameters;

public class RawNumberTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("9735", 9735)]
    [InlineData("65535", 65535)]
    [InlineData("0000065535", 65535)]
    public void ReadsDigitsThatFit(string text, int value)
    {
        Assert.True(RawNumber.TryParseUInt16(text, out var actual));
        Assert.Equal(value, actual);
    }

    [Theory]
    [InlineData("")]
    [InlineData("65536")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData(" 1")]
    [InlineData("1e3")]
    [InlineData("1.0")]
    [InlineData("99999999999999999999999")]
    public void RefusesAnythingElse(string text)
    {
        Assert.False(RawNumber.TryParseUInt16(text, out _));
    }
}
