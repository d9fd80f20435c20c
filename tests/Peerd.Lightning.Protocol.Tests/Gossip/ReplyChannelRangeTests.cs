using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Tests.Gossip;

public class ReplyChannelRangeTests
{
    [Fact]
    public void EncodesFieldsInBolt7Order()
    {
        var reply = new ReplyChannelRange(LightningNetwork.Bitcoin.ChainHash, 100, 50, syncComplete: true, ShortChannelIdEncoding.Empty);
        // type 264, chain, first_blocknum, number_of_blocks, sync_complete, len 1, encoding 0.
        Assert.Equal(
            "0108" + LightningNetwork.Bitcoin.ChainHash.ToWireHex() + "00000064" + "00000032" + "01" + "0001" + "00",
            Hex.Encode(reply.ToArray()));
    }

    [Fact]
    public void RoundTripsIdsAndExtension()
    {
        var ids = Hex.Decode("00" + "0000010000020003" + "0000040000050006");
        var reply = new ReplyChannelRange(LightningNetwork.Signet.ChainHash, 1, 2, syncComplete: false, ids, [new(1, 2), new(3, 0)]);
        Assert.True(ReplyChannelRange.TryDecode(reply.ToArray(), out var decoded, out _));
        Assert.Equal(LightningNetwork.Signet.ChainHash, decoded.ChainHash);
        Assert.Equal(1U, decoded.FirstBlocknum);
        Assert.Equal(2U, decoded.NumberOfBlocks);
        Assert.False(decoded.SyncComplete);
        Assert.Equal(ids, decoded.EncodedShortIds.ToArray());
        Assert.Equal("0111" + "00" + "0000000100000002" + "0000000300000000", Hex.Encode(decoded.Extension));
        Assert.Equal([new ChannelUpdateTimestamps(1, 2), new ChannelUpdateTimestamps(3, 0)], decoded.Timestamps);
        Assert.Null(decoded.Checksums);
    }

    [Fact]
    public void EncodesTimestampsThenChecksumsInBolt7Layout()
    {
        var ids = Hex.Decode("00" + "0000010000020003" + "0000040000050006");
        var reply = new ReplyChannelRange(
            LightningNetwork.Regtest.ChainHash, 1, 10, syncComplete: true, ids,
            [new(0x01020304, 0), new(5, 6)],
            [new(0xaabbccdd, 0x11223344), new(0, 7)]);

        // timestamps_tlv: type 1, length 17, encoding_type 0, two channel_update_timestamps;
        // checksums_tlv: type 3, length 16, two channel_update_checksums.
        Assert.Equal(
            "0108" + LightningNetwork.Regtest.ChainHash.ToWireHex() + "00000001" + "0000000a" + "01" + "0011" + Hex.Encode(ids)
            + "0111" + "00" + "0102030400000000" + "0000000500000006"
            + "0310" + "aabbccdd11223344" + "0000000000000007",
            Hex.Encode(reply.ToArray()));
        Assert.True(ReplyChannelRange.TryDecode(reply.ToArray(), out var decoded, out _));
        Assert.Equal(reply.Timestamps, decoded.Timestamps);
        Assert.Equal(reply.Checksums, decoded.Checksums);
    }

    [Fact]
    public void TimestampsOrChecksumsMustMatchTheIds()
    {
        var ids = Hex.Decode("00" + "0000010000020003");
        Assert.Throws<ArgumentException>(() => new ReplyChannelRange(LightningNetwork.Regtest.ChainHash, 1, 1, true, ids, timestamps: []));
        Assert.Throws<ArgumentException>(() => new ReplyChannelRange(LightningNetwork.Regtest.ChainHash, 1, 1, true, ids, checksums: [default, default]));
    }

    [Theory]
    [InlineData("0200", "invalid TLV stream: unknown even type (type 2)")]
    [InlineData("0100", "invalid TLV stream: value shorter than its known encoding (type 1)")] // no encoding_type
    [InlineData("030400000000", "invalid TLV stream: value invalid (type 3)")] // half a channel_update_checksums
    [InlineData("0109010000000100000002", "timestamps_tlv: unknown encoding_type 1")]
    [InlineData("01050000000001", "timestamps_tlv: encoded_timestamps is not whole channel_update_timestamps")]
    public void MalformedTlvsFailTheReply(string tlvs, string reason)
    {
        var hex = "0108" + LightningNetwork.Regtest.ChainHash.ToWireHex() + "00000001" + "00000001" + "01" + "0001" + "00" + tlvs;
        Assert.False(ReplyChannelRange.TryDecode(Hex.Decode(hex), out _, out var failure));
        Assert.Equal("reply_channel_range: " + reason, failure.Reason);
    }

    [Theory]
    [InlineData(false, false, 8186)]
    [InlineData(true, false, 4092)]
    [InlineData(false, true, 4092)]
    [InlineData(true, true, 2728)]
    public void MaxIdsIsTheMostThatFitsAMessageWithItsTlvs(bool timestamps, bool checksums, int expected)
    {
        int max = ReplyChannelRange.MaxIds(timestamps, checksums);
        Assert.Equal(expected, max);
        Assert.True(ReplyChannelRange.GetEncodedLength(max, timestamps, checksums) <= 65535);
        Assert.True(ReplyChannelRange.GetEncodedLength(max + 1, timestamps, checksums) > 65535);

        var ids = new byte[1 + (8 * max)];
        var reply = new ReplyChannelRange(
            LightningNetwork.Regtest.ChainHash, 0, 1, true, ids,
            timestamps ? new ChannelUpdateTimestamps[max] : null,
            checksums ? new ChannelUpdateChecksums[max] : null);
        Assert.Equal(ReplyChannelRange.GetEncodedLength(max, timestamps, checksums), reply.ToArray().Length);
    }

    [Fact]
    public void IdsLongerThanTheMessageAreTruncated()
    {
        var bytes = new ReplyChannelRange(LightningNetwork.Bitcoin.ChainHash, 0, 1, true, ShortChannelIdEncoding.Empty).ToArray();
        bytes[^2] = 0x09;
        Assert.False(ReplyChannelRange.TryDecode(bytes, out _, out var failure));
        Assert.Contains("encoded_short_ids", failure.Reason, StringComparison.Ordinal);
    }
}
