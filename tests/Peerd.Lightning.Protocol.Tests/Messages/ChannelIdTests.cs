using Peerd.Lightning.Protocol.Messages;

namespace Peerd.Lightning.Protocol.Tests.Messages;

public class ChannelIdTests
{
    [Fact]
    public void DefaultIsAllChannels()
    {
        Assert.True(default(ChannelId).IsAll);
        Assert.Equal(ChannelId.All, new ChannelId(new byte[32]));
    }

    [Fact]
    public void WrongLengthThrows()
    {
        Assert.Throws<ArgumentException>(() => new ChannelId(new byte[33]));
    }
}
