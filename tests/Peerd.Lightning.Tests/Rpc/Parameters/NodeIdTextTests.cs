using Peerd.Lightning.Rpc.Parameters;

namespace Peerd.Lightning.Tests.Rpc.Parameters;

public class NodeIdTextTests
{
    [Fact]
    public void ParsesAValidCompressedKeyInEitherCase()
    {
        Assert.True(NodeIdText.TryParse(TestKeys.PeerHex, out var lower));
        Assert.True(NodeIdText.TryParse(TestKeys.PeerHex.ToUpperInvariant(), out var upper));
        Assert.Equal(TestKeys.Peer, lower.Bytes.ToArray());
        Assert.Equal(TestKeys.Peer, upper.Bytes.ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("02")]
    [InlineData("020000000000000000000000000000000000000000000000000000000000000007")]
    [InlineData("051111111111111111111111111111111111111111111111111111111111111111")]
    public void RefusesWhatIsNotAPointOnTheCurve(string text)
    {
        Assert.False(NodeIdText.TryParse(text, out _));
    }

    [Fact]
    public void RefusesAnExtraCharacter()
    {
        Assert.False(NodeIdText.TryParse(TestKeys.PeerHex + "0", out _));
        Assert.False(NodeIdText.TryParse(" " + TestKeys.PeerHex, out _));
    }
}
