using System.Text;
using Peerd.Lightning.Protocol.Messages;

namespace Peerd.Lightning.Protocol.Tests.Messages;

public class PeerErrorTextTests
{
    [Theory]
    [InlineData("No common network", "No common network")]
    [InlineData(" ~", " ~")]
    [InlineData("", "")]
    public void PrintableAsciiIsShownVerbatim(string text, string expected)
    {
        Assert.Equal(expected, PeerErrorText.Render(Encoding.ASCII.GetBytes(text)));
    }

    [Theory]
    [InlineData(new byte[] { 0x1f }, "1f")]
    [InlineData(new byte[] { 0x7f }, "7f")]
    [InlineData(new byte[] { 0x61, 0x0a }, "610a")]
    [InlineData(new byte[] { 0xc3, 0xa9 }, "c3a9")]
    public void AnythingElseIsShownAsHex(byte[] data, string expected)
    {
        Assert.Equal(expected, PeerErrorText.Render(data));
    }
}
