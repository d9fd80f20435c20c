using System.Text;
using Peerd.Cli.Json;

namespace Peerd.Cli.Tests.Json;

public class RawJsonParserTests
{
    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData(" {\"a\" : [1, -2.5e+3, 0, 0.0, 1E9, true, false, null, \"x\\u00e9\\n\\/\"]} \n")]
    [InlineData("\"é\"")]
    [InlineData("-0")]
    [InlineData("{\"\":{\"\":[]}}")]
    public void AcceptsValidJson(string json)
    {
        Assert.True(RawJsonParser.IsValid(Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"a\":1,}")]
    [InlineData("[1,]")]
    [InlineData("[1 2]")]
    [InlineData("{\"a\" 1}")]
    [InlineData("{a:1}")]
    [InlineData("01")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("+1")]
    [InlineData("1e")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    [InlineData("\"\\x\"")]
    [InlineData("\"\\u12\"")]
    [InlineData("\"a\tb\"")]
    [InlineData("tru")]
    [InlineData("nul")]
    [InlineData("{} {}")]
    [InlineData("\"unterminated")]
    public void RefusesInvalidJson(string json)
    {
        Assert.False(RawJsonParser.IsValid(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void RefusesNestingDeeperThanTheBound()
    {
        var deep = new string('[', RawJsonParser.MaxDepth + 1) + new string(']', RawJsonParser.MaxDepth + 1);
        var ok = new string('[', RawJsonParser.MaxDepth) + new string(']', RawJsonParser.MaxDepth);

        Assert.False(RawJsonParser.IsValid(Encoding.UTF8.GetBytes(deep)));
        Assert.True(RawJsonParser.IsValid(Encoding.UTF8.GetBytes(ok)));
    }

    [Fact]
    public void KeepsRawTextOfEveryToken()
    {
        var node = RawNode.Parse("{\"k\\\"ey\": {\"a\" : [1.50, \"\\u0041\"]} }"u8);

        var (key, value) = Assert.Single(node.Members);
        Assert.Equal("k\\\"ey", key);
        Assert.Equal("{\"a\" : [1.50, \"\\u0041\"]}", value.Raw);
        Assert.Equal("1.50", value.Get("a")!.Items[0].Raw);
        Assert.Equal("\\u0041", value.Get("a")!.Items[1].Content);
        Assert.Equal(JsonKind.String, value.Get("a")!.Items[1].Kind);
    }
}
