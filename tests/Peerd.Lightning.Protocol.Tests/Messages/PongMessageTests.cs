using Peerd.Lightning.Protocol.Messages;
using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Tests.Messages;

public class PongMessageTests
{
    [Fact]
    public void LargestPongAnswersTheLargestRepliedPing()
    {
        var pong = new PingMessage(PingMessage.NoReplyThreshold - 1).CreatePong()!;
        Assert.Equal(PongMessage.MaxBytesLength, pong.BytesLength);
        Assert.Equal(LightningMessage.MaxLength, pong.EncodedLength);
        Assert.True(PongMessage.TryDecode(pong.ToArray(), out var decoded, out _));
        Assert.Equal(pong.BytesLength, decoded.BytesLength);
    }

    [Theory]
    [InlineData("0013")]
    [InlineData("001300")]
    [InlineData("00130002aa")]
    public void ShortPongsAreMalformed(string hex)
    {
        Assert.False(PongMessage.TryDecode(Hex.Decode(hex), out _, out var failure));
        Assert.Equal(DecodeFailureKind.Truncated, failure.Kind);
    }

    [Fact]
    public void PongWithTheWrongLengthDoesNotAnswer()
    {
        Assert.False(new PongMessage(3).Answers(4));
    }

    [Fact]
    public void DecodingAnotherTypeReportsWrongType()
    {
        Assert.False(PongMessage.TryDecode(Hex.Decode("00120000"), out _, out var failure));
        Assert.Equal(DecodeFailureKind.WrongType, failure.Kind);
    }
}
