using Peerd.Lightning.Protocol.Chains;

namespace Peerd.Lightning.Protocol.Tests.Chains;

public class ChainHashTests
{
    [Fact]
    public void EqualityComparesBytes()
    {
        var a = ChainHash.FromWireHex(new string('a', 64));
        var b = ChainHash.FromWireHex(new string('A', 64));
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, ChainHash.FromWireHex(new string('b', 64)));
    }

    [Fact]
    public void DefaultIsAllZeros()
    {
        Assert.Equal(new string('0', 64), default(ChainHash).ToWireHex());
    }

    [Theory]
    [InlineData("")]
    [InlineData("00")]
    [InlineData("zz00000000000000000000000000000000000000000000000000000000000000")]
    [InlineData(null)]
    public void InvalidHexIsRejected(string? hex)
    {
        Assert.False(ChainHash.TryParseWireHex(hex, out _));
    }

    [Fact]
    public void WrongLengthBytesThrow()
    {
        Assert.Throws<ArgumentException>(() => new ChainHash(new byte[31]));
    }
}
