using System.Buffers;
using System.Text;
using Peerd.Xrpl.Protocol.Handshake;
using Peerd.Xrpl.Protocol.Tests.Support;

namespace Peerd.Xrpl.Protocol.Tests.Handshake;

public class HttpHeadParserTests
{
    private static readonly byte[] Request = Encoding.ASCII.GetBytes(
        "GET / HTTP/1.1\r\nUser-Agent: rippled-2.4.0\r\nUpgrade: XRPL/2.2\r\nConnection: Upgrade\r\nConnect-As:  Peer \r\n\r\n");

    [Fact]
    public void ParsesARequestUnderEveryFragmentationAndLeavesTheRestUnread()
    {
        byte[] input = [.. Request, 0x00, 0x00, 0x00, 0x05];
        foreach (var (name, sequence) in Fragmentation.All(input))
        {
            var status = HttpHeadParser.TryParseRequest(sequence, out var request, out var consumed, out var error);
            Assert.True(status == OperationStatus.Done, name);
            Assert.Equal(HttpParseError.None, error);
            Assert.Equal("GET", request!.Method);
            Assert.Equal("/", request.Target);
            Assert.Equal("Peer", request.Headers["connect-as"]);
            Assert.Equal("rippled-2.4.0", request.Headers[HeaderNames.UserAgent]);
            Assert.Equal(4, sequence.Slice(consumed).Length);
        }
    }

    [Fact]
    public void EveryStrictPrefixNeedsMoreData()
    {
        for (var length = 0; length < Request.Length; length++)
        {
            var sequence = new ReadOnlySequence<byte>(Request[..length]);
            Assert.Equal(OperationStatus.NeedMoreData, HttpHeadParser.TryParseRequest(sequence, out _, out var consumed, out _));
            Assert.Equal(sequence.Start, consumed);
        }
    }

    [Fact]
    public void ParsesAResponseWhoseReasonHasSpaces()
    {
        var text = "HTTP/1.1 400 Bad Request (Peer clock is too far off)\r\nServer: x\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"u8.ToArray();
        Assert.Equal(OperationStatus.Done, HttpHeadParser.TryParseResponse(new ReadOnlySequence<byte>(text), out var response, out _, out _));
        Assert.Equal(400, response!.StatusCode);
        Assert.Equal("Bad Request (Peer clock is too far off)", response.Reason);
        Assert.Equal(0, response.ContentLength);
    }

    [Fact]
    public void RefusesAHeadLargerThanEightKilobytes()
    {
        var big = Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nX-Big: " + new string('a', HttpHeadParser.MaxHeadLength) + "\r\n\r\n");
        Assert.Equal(OperationStatus.InvalidData, HttpHeadParser.TryParseRequest(new ReadOnlySequence<byte>(big), out _, out _, out var error));
        Assert.Equal(HttpParseError.HeadTooLarge, error);
        Assert.Equal(OperationStatus.InvalidData, HttpHeadParser.TryParseRequest(new ReadOnlySequence<byte>(big[..HttpHeadParser.MaxHeadLength]), out _, out _, out error));
        Assert.Equal(OperationStatus.NeedMoreData, HttpHeadParser.TryParseRequest(new ReadOnlySequence<byte>(big[..(HttpHeadParser.MaxHeadLength - 1)]), out _, out _, out _));
    }

    [Theory]
    [InlineData("GET /\r\n\r\n", HttpParseError.BadStartLine)]
    [InlineData("GET / HTTP/2\r\n\r\n", HttpParseError.BadStartLine)]
    [InlineData("\x16\x03\x01 / HTTP/1.1\r\n\r\n", HttpParseError.BadStartLine)]
    [InlineData("GET / HTTP/1.1\r\nNo colon here\r\n\r\n", HttpParseError.BadHeaderField)]
    [InlineData("GET / HTTP/1.1\r\n: empty name\r\n\r\n", HttpParseError.BadHeaderField)]
    [InlineData("GET / HTTP/1.1\r\nA: b\r\n folded\r\n\r\n", HttpParseError.BadHeaderField)]
    public void RefusesMalformedRequests(string text, HttpParseError expected)
    {
        Assert.Equal(OperationStatus.InvalidData, HttpHeadParser.TryParseRequest(new ReadOnlySequence<byte>(Encoding.Latin1.GetBytes(text)), out _, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("HTTP/1.1 2000 OK\r\n\r\n")]
    [InlineData("HTTP/1.1 abc\r\n\r\n")]
    [InlineData("SSH-2.0-OpenSSH\r\n\r\n")]
    public void RefusesMalformedStatusLines(string text)
    {
        Assert.Equal(OperationStatus.InvalidData, HttpHeadParser.TryParseResponse(new ReadOnlySequence<byte>(Encoding.Latin1.GetBytes(text)), out _, out _, out var error));
        Assert.Equal(HttpParseError.BadStartLine, error);
    }
}
