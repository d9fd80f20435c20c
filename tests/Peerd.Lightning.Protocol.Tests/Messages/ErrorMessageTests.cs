using Peerd.Lightning.Protocol.Messages;
using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Tests.Messages;

public class ErrorMessageTests
{
    [Fact]
    public void EncodesChannelIdLengthAndData()
    {
        var error = ErrorMessage.FromText("bad");
        Assert.Equal("0011" + new string('0', 64) + "0003" + "626164", Hex.Encode(error.ToArray()));
        Assert.True(error.ChannelId.IsAll);
        Assert.Equal("bad", error.DataText);
    }

    [Fact]
    public void RandomErrorsRoundTrip()
    {
        var random = new Random(17);
        for (int i = 0; i < 200; i++)
        {
            var id = new byte[32];
            random.NextBytes(id);
            var data = new byte[random.Next(500)];
            random.NextBytes(data);
            var error = new ErrorMessage(new ChannelId(id), data);
            Assert.True(ErrorMessage.TryDecode(error.ToArray(), out var decoded, out _));
            Assert.Equal(error.ChannelId, decoded.ChannelId);
            Assert.Equal(data, decoded.Data.ToArray());
        }
    }

    [Theory]
    [InlineData("0011", "error: truncated in channel_id")]
    [InlineData("00110000", "error: truncated in channel_id")]
    public void TruncatedErrorsAreMalformed(string hex, string reason)
    {
        Assert.False(ErrorMessage.TryDecode(Hex.Decode(hex), out _, out var failure));
        Assert.Equal(reason, failure.Reason);
    }

    [Fact]
    public void DataLongerThanTheMessageIsTruncated()
    {
        Assert.False(ErrorMessage.TryDecode(Hex.Decode("0011" + new string('0', 64) + "0005" + "6162"), out _, out var failure));
        Assert.Equal("error: truncated in data", failure.Reason);
    }

    [Fact]
    public void DataThatCannotFitAMessageIsRefused()
    {
        Assert.Throws<ArgumentException>(() => new ErrorMessage(ChannelId.All, new byte[65535 - 2 - 32 - 2 + 1]));
        Assert.Equal(LightningMessage.MaxLength, new ErrorMessage(ChannelId.All, new byte[65535 - 2 - 32 - 2]).EncodedLength);
    }
}
