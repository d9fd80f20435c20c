using Peerd.Lightning.Protocol.Gossip;
using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Tests.Gossip;

public class ShortChannelIdEncodingTests
{
    [Fact]
    public void NoIdsIsTheEncodingByteAlone() => Assert.Equal("00", Hex.Encode(ShortChannelIdEncoding.Empty));

    [Theory]
    [InlineData("00", true)]
    [InlineData("000000010000020003", true)]
    [InlineData("", false)]
    [InlineData("01", false)]
    [InlineData("0000000100000200", false)]
    public void WellFormedMeansEncodingZeroAndWholeIds(string hex, bool expected) =>
        Assert.Equal(expected, ShortChannelIdEncoding.IsWellFormed(Hex.Decode(hex)));
}
