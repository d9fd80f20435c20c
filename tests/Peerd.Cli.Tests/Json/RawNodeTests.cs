using Peerd.Cli.Json;

namespace Peerd.Cli.Tests.Json;

public class RawNodeTests
{
    [Fact]
    public void KeepsTheExactTextOfContainers()
    {
        var node = RawNode.Parse("{\"r\": {\"a\" : [1, 2]} }"u8);

        Assert.Equal("{\"a\" : [1, 2]}", node.Get("r")!.Raw);
    }

    [Fact]
    public void FindsAndRemovesTheFirstMemberOfAName()
    {
        var node = RawNode.Parse("{\"a\":1,\"a\":2,\"b\":null}"u8);

        Assert.Equal("1", node.Get("a")!.Raw);
        node.Remove("a");
        Assert.Equal("2", node.Get("a")!.Raw);
        Assert.True(node.Get("b")!.IsNull);
        Assert.Null(node.Get("c"));
    }

    [Fact]
    public void ComparesStringsByTheirRawContent()
    {
        Assert.True(RawNode.Parse("\"simple\""u8).IsString("simple"));
        Assert.False(RawNode.Parse("\"simpl\\u0065\""u8).IsString("simple"));
        Assert.False(RawNode.Parse("1"u8).IsString("1"));
    }
}
