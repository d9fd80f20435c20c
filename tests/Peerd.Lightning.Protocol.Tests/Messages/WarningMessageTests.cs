using Peerd.Lightning.Protocol.Messages;
using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Tests.Messages;

public class WarningMessageTests
{
    [Fact]
    public void CoreLightningUnsupportedFeatureWarningRoundTrips()
    {
        var warning = WarningMessage.FromText("Unsupported feature 40");
        var bytes = warning.ToArray();
        Assert.StartsWith("0001" + new string('0', 64) + "0016", Hex.Encode(bytes), StringComparison.Ordinal);

        var decoded = LightningMessageDecoder.Decode(bytes);
        Assert.Equal(DecodeOutcome.Decoded, decoded.Outcome);
        var message = Assert.IsType<WarningMessage>(decoded.Message);
        Assert.Equal("Unsupported feature 40", message.DataText);
        Assert.Equal("warning: Unsupported feature 40", message.ToString());
    }

    [Fact]
    public void NonPrintableDataIsShownAsHex()
    {
        var warning = new WarningMessage(ChannelId.All, [0x41, 0x07, 0x42]);
        Assert.Equal("410742", warning.DataText);
    }

    [Fact]
    public void SpecificChannelIdIsKept()
    {
        var id = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var warning = WarningMessage.FromText("x", new ChannelId(id));
        Assert.True(WarningMessage.TryDecode(warning.ToArray(), out var decoded, out _));
        Assert.False(decoded.ChannelId.IsAll);
        Assert.Equal(Hex.Encode(id), decoded.ChannelId.ToString());
    }

    [Fact]
    public void TruncatedWarningIsMalformed()
    {
        Assert.False(WarningMessage.TryDecode(Hex.Decode("0001" + new string('0', 64) + "00"), out _, out var failure));
        Assert.Equal("warning: truncated in data", failure.Reason);
    }
}
