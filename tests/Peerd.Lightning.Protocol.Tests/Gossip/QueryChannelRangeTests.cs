using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Tests.Gossip;

public class QueryChannelRangeTests
{
    [Fact]
    public void DecodesTheChainRangeAndTheQueryOption()
    {
        // type 263, regtest chain, first 600000, 0xffffffff blocks, query_option (type 1, length 1, flags 3).
        var hex = "0107" + LightningNetwork.Regtest.ChainHash.ToWireHex() + "000927c0" + "ffffffff" + "010103";
        Assert.True(QueryChannelRange.TryDecode(Hex.Decode(hex), out var query, out _));
        Assert.Equal(LightningNetwork.Regtest.ChainHash, query.ChainHash);
        Assert.Equal(600_000U, query.FirstBlocknum);
        Assert.Equal(uint.MaxValue, query.NumberOfBlocks);
        Assert.Equal("010103", Hex.Encode(query.Extension));
        Assert.Equal(QueryOptionFlags.Timestamps | QueryOptionFlags.Checksums, query.QueryOption);
        Assert.True(query.WantsTimestamps);
        Assert.True(query.WantsChecksums);
        Assert.Equal(hex, Hex.Encode(query.ToArray()));
    }

    [Theory]
    [InlineData(QueryOptionFlags.Timestamps, "010101")]
    [InlineData(QueryOptionFlags.Checksums, "010102")]
    [InlineData((QueryOptionFlags)0x1_0000, "0105fe00010000")] // an unknown bit: a bigsize of 5 bytes
    [InlineData(QueryOptionFlags.None, "010100")]
    public void EncodesTheQueryOptionAsABigSizeRecord(QueryOptionFlags option, string tlv)
    {
        var query = new QueryChannelRange(LightningNetwork.Regtest.ChainHash, 1, 2, option);
        var bytes = query.ToArray();
        Assert.Equal("0107" + LightningNetwork.Regtest.ChainHash.ToWireHex() + "00000001" + "00000002" + tlv, Hex.Encode(bytes));
        Assert.True(QueryChannelRange.TryDecode(bytes, out var decoded, out _));
        Assert.Equal(option, decoded.QueryOption);
        Assert.Equal((option & QueryOptionFlags.Timestamps) != 0, decoded.WantsTimestamps);
        Assert.Equal((option & QueryOptionFlags.Checksums) != 0, decoded.WantsChecksums);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0300")] // an unknown odd type is skipped
    [InlineData("0501ff")]
    public void WithoutAQueryOptionTheQueryAsksForIdsOnly(string tlvs)
    {
        var hex = "0107" + LightningNetwork.Regtest.ChainHash.ToWireHex() + "00000001" + "00000002" + tlvs;
        Assert.True(QueryChannelRange.TryDecode(Hex.Decode(hex), out var query, out _));
        Assert.Null(query.QueryOption);
        Assert.False(query.WantsTimestamps || query.WantsChecksums);
        Assert.Equal(hex, Hex.Encode(query.ToArray()));
    }

    [Theory]
    [InlineData("0200", "unknown even type (type 2)")]
    [InlineData("010203", "value truncated (type 1)")] // length 2, one byte left
    [InlineData("01", "length truncated (type 1)")]
    [InlineData("0100", "value shorter than its known encoding (type 1)")] // no bigsize at all
    [InlineData("0103fd0001", "value not minimally encoded (type 1)")]
    [InlineData("01020300", "value longer than its known encoding (type 1)")] // a byte after the bigsize
    [InlineData("0300010103", "types not strictly increasing (type 1)")]
    public void AnInvalidTlvStreamFailsTheQuery(string tlvs, string reason)
    {
        var hex = "0107" + LightningNetwork.Regtest.ChainHash.ToWireHex() + "00000001" + "00000002" + tlvs;
        Assert.False(QueryChannelRange.TryDecode(Hex.Decode(hex), out _, out var failure));
        Assert.Equal(DecodeFailureKind.InvalidExtension, failure.Kind);
        Assert.Equal("query_channel_range: invalid TLV stream: " + reason, failure.Reason);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    [InlineData(39)]
    public void ShortQueriesAreTruncated(int payloadLength)
    {
        var bytes = new byte[2 + payloadLength];
        bytes[0] = 0x01;
        bytes[1] = 0x07;
        Assert.False(QueryChannelRange.TryDecode(bytes, out _, out var failure));
        Assert.Equal(DecodeFailureKind.Truncated, failure.Kind);
    }

    [Fact]
    public void AnotherTypeIsRefused()
    {
        Assert.False(QueryChannelRange.TryDecode(Hex.Decode("0108" + new string('0', 80)), out _, out var failure));
        Assert.Equal(DecodeFailureKind.WrongType, failure.Kind);
    }
}
