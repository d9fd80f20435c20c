using Peerd.Lightning.Protocol.Messages;
using Peerd.Lightning.Protocol.Tests.Tlv;

namespace Peerd.Lightning.Protocol.Tests.Messages;

public class MessageTypeTests
{
    [Fact]
    public void Bolt1TypesMatchTheVectorFile()
    {
        var types = Bolt1Vectors.Document.GetProperty("extra_non_spec_examples").GetProperty("message_types");
        foreach (var property in types.EnumerateObject())
        {
            Assert.Equal(property.Value.GetInt32(), (int)Enum.Parse<MessageType>(property.Name.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true));
            Assert.Equal(property.Name, MessageNames.Of((ushort)property.Value.GetInt32()));
        }
    }

    [Fact]
    public void InitTlvTypesMatchTheVectorFile()
    {
        var types = Bolt1Vectors.Document.GetProperty("extra_non_spec_examples").GetProperty("init_tlv_types");
        Assert.Equal(InitMessage.NetworksType, types.GetProperty("networks").GetUInt64());
        Assert.Equal(InitMessage.RemoteAddressType, types.GetProperty("remote_addr").GetUInt64());
    }

    [Fact]
    public void GossipTypesFollowBolt7()
    {
        Assert.Equal(256, (int)MessageType.ChannelAnnouncement);
        Assert.Equal(257, (int)MessageType.NodeAnnouncement);
        Assert.Equal(258, (int)MessageType.ChannelUpdate);
        Assert.Equal(263, (int)MessageType.QueryChannelRange);
        Assert.Equal(264, (int)MessageType.ReplyChannelRange);
        Assert.Equal(265, (int)MessageType.GossipTimestampFilter);
        Assert.Equal("gossip_timestamp_filter", MessageNames.Of(265));
        Assert.Equal("unknown_32768", MessageNames.Of(32768));
    }
}
