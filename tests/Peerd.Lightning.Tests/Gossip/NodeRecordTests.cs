using Peerd.Lightning.Gossip;
using Peerd.Lightning.Protocol.Features;

namespace Peerd.Lightning.Tests.Gossip;

public class NodeRecordTests
{
    [Theory]
    [InlineData(new int[0], null)]
    [InlineData(new[] { 101, 103 }, null)]
    [InlineData(new[] { 8, 14, 45 }, null)]
    [InlineData(new[] { 9, 100, 102 }, 100)]
    [InlineData(new[] { 254 }, 254)]
    public void TheLowestUnknownEvenBitIsReported(int[] bits, int? expected) =>
        Assert.Equal(expected, NodeRecord.UnknownRequiredFeature(FeatureBits.FromBits(bits)));
}
