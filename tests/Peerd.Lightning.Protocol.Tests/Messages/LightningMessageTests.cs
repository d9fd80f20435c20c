using System.Buffers;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Tests.Messages;

public class LightningMessageTests
{
    [Fact]
    public void BufferWriterEncodingAppendsWithoutGaps()
    {
        var output = new ArrayBufferWriter<byte>();
        new PingMessage(1).WriteTo(output);
        new PongMessage(1).WriteTo(output);
        Assert.Equal("001200010000" + "0013000100", Hex.Encode(output.WrittenSpan));
    }

    [Theory]
    [InlineData("", false, 0)]
    [InlineData("01", false, 0)]
    [InlineData("0101", true, 257)]
    public void TryReadTypeNeedsTwoBytes(string hex, bool ok, int type)
    {
        Assert.Equal(ok, LightningMessage.TryReadType(Hex.Decode(hex), out ushort read));
        Assert.Equal(type, read);
    }

    [Fact]
    public void MessagesOverTheSizeLimitAreRefused()
    {
        var networks = Enumerable.Repeat(default(Peerd.Lightning.Protocol.Chains.ChainHash), 2100).ToList();
        var init = new InitMessage(Peerd.Lightning.Protocol.Features.FeatureBits.Empty, networks);
        Assert.True(init.EncodedLength > LightningMessage.MaxLength);
        Assert.Throws<InvalidOperationException>(() => init.ToArray());
    }
}
