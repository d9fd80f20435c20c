using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Tests.Gossip;

public class QueryShortChannelIdsTests
{
    [Fact]
    public void DecodesIdsAndQueryFlags()
    {
        var hex = "0105" + LightningNetwork.Testnet.ChainHash.ToWireHex() + "0011" + "00" + "0000010000020003" + "0000040000050006" + "0103000101";
        Assert.True(QueryShortChannelIds.TryDecode(Hex.Decode(hex), out var query, out _));
        Assert.Equal(LightningNetwork.Testnet.ChainHash, query.ChainHash);
        Assert.Equal(17, query.EncodedShortIds.Length);
        Assert.True(ShortChannelIdEncoding.IsWellFormed(query.EncodedShortIds));
        Assert.Equal("0103000101", Hex.Encode(query.Extension));
        Assert.Equal([QueryFlag.ChannelAnnouncement, QueryFlag.ChannelAnnouncement], query.QueryFlags);
        Assert.Equal(hex, Hex.Encode(query.ToArray()));
    }

    [Fact]
    public void EncodesQueryFlagsAsUncompressedBigSizes()
    {
        // Three ids' worth of flags: nothing, updates of both directions, everything, and a flag over 0xfc (fd + u16).
        QueryFlag[] flags = [QueryFlag.None, QueryFlag.ChannelUpdateNode1 | QueryFlag.ChannelUpdateNode2, QueryFlag.All, (QueryFlag)0x1ff];
        var query = new QueryShortChannelIds(LightningNetwork.Regtest.ChainHash, [0], flags);
        Assert.Equal(
            "0105" + LightningNetwork.Regtest.ChainHash.ToWireHex() + "0001" + "00" + "0107" + "00" + "00" + "06" + "1f" + "fd01ff",
            Hex.Encode(query.ToArray()));
        Assert.True(QueryShortChannelIds.TryDecode(query.ToArray(), out var decoded, out _));
        Assert.Equal(flags, decoded.QueryFlags);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0300")] // an unknown odd type is skipped
    public void WithoutQueryFlagsTheQueryAsksForEverything(string tlvs)
    {
        var hex = "0105" + LightningNetwork.Regtest.ChainHash.ToWireHex() + "0001" + "00" + tlvs;
        Assert.True(QueryShortChannelIds.TryDecode(Hex.Decode(hex), out var query, out _));
        Assert.Null(query.QueryFlags);
        Assert.Equal(hex, Hex.Encode(query.ToArray()));
    }

    [Fact]
    public void AnEncodingByteAloneIsNoFlags()
    {
        var hex = "0105" + LightningNetwork.Regtest.ChainHash.ToWireHex() + "0001" + "00" + "010100";
        Assert.True(QueryShortChannelIds.TryDecode(Hex.Decode(hex), out var query, out _));
        Assert.Empty(query.QueryFlags!);
    }

    [Theory]
    [InlineData("0200", DecodeFailureKind.InvalidExtension, "invalid TLV stream: unknown even type (type 2)")]
    [InlineData("0100", DecodeFailureKind.InvalidExtension, "invalid TLV stream: value shorter than its known encoding (type 1)")]
    [InlineData("010300", DecodeFailureKind.InvalidExtension, "invalid TLV stream: value truncated (type 1)")]
    [InlineData("01020101", DecodeFailureKind.InvalidField, "query_flags: unknown encoding_type 1")] // zlib
    [InlineData("010300fd01", DecodeFailureKind.InvalidField, "query_flags: query_flag truncated")]
    [InlineData("010400fd0001", DecodeFailureKind.InvalidField, "query_flags: query_flag not minimally encoded")]
    public void MalformedQueryFlagsFailTheQuery(string tlvs, DecodeFailureKind kind, string reason)
    {
        var hex = "0105" + LightningNetwork.Regtest.ChainHash.ToWireHex() + "0009" + "00" + "0000010000020003" + tlvs;
        Assert.False(QueryShortChannelIds.TryDecode(Hex.Decode(hex), out _, out var failure));
        Assert.Equal(kind, failure.Kind);
        Assert.Equal("query_short_channel_ids: " + reason, failure.Reason);
    }

    [Fact]
    public void ALengthPastTheEndIsTruncated()
    {
        var hex = "0105" + LightningNetwork.Testnet.ChainHash.ToWireHex() + "0009" + "00";
        Assert.False(QueryShortChannelIds.TryDecode(Hex.Decode(hex), out _, out var failure));
        Assert.Contains("encoded_short_ids", failure.Reason, StringComparison.Ordinal);
    }
}
