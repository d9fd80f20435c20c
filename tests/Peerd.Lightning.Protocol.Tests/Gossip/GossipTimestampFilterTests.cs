using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Tests.Gossip;

public class GossipTimestampFilterTests
{
    [Fact]
    public void DecodesTheChainAndTimestamps()
    {
        var hex = "0109" + LightningNetwork.Regtest.ChainHash.ToWireHex() + "65000000" + "ffffffff";
        var decoded = LightningMessageDecoder.Decode(Hex.Decode(hex));
        var filter = Assert.IsType<GossipTimestampFilter>(decoded.Message);
        Assert.Equal(LightningNetwork.Regtest.ChainHash, filter.ChainHash);
        Assert.Equal(0x65000000U, filter.FirstTimestamp);
        Assert.Equal(uint.MaxValue, filter.TimestampRange);
        Assert.Equal(hex, Hex.Encode(filter.ToArray()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(39)]
    public void ShortFiltersAreMalformed(int payloadLength)
    {
        var bytes = new byte[2 + payloadLength];
        bytes[0] = 0x01;
        bytes[1] = 0x09;
        Assert.Equal(DecodeOutcome.Malformed, LightningMessageDecoder.Decode(bytes).Outcome);
    }

    [Fact]
    public void RandomFiltersRoundTrip()
    {
        var random = new Random(265);
        for (int i = 0; i < 100; i++)
        {
            var chain = new byte[32];
            random.NextBytes(chain);
            var filter = new GossipTimestampFilter(new ChainHash(chain), (uint)random.NextInt64(0, uint.MaxValue), (uint)random.NextInt64(0, uint.MaxValue));
            Assert.True(GossipTimestampFilter.TryDecode(filter.ToArray(), out var decoded, out _));
            Assert.Equal(filter.ChainHash, decoded.ChainHash);
            Assert.Equal(filter.FirstTimestamp, decoded.FirstTimestamp);
            Assert.Equal(filter.TimestampRange, decoded.TimestampRange);
        }
    }
}
