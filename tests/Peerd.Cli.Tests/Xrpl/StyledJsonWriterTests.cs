using System.Text.Json.Nodes;
using Peerd.Cli.Xrpl;

namespace Peerd.Cli.Tests.Xrpl;

/// <summary>rippled's <c>Json::StyledWriter</c>, as its command line prints replies.</summary>
public class StyledJsonWriterTests
{
    [Fact]
    public void SortsKeysAndIndentsByThreeSpaces()
    {
        var text = StyledJsonWriter.Write(JsonNode.Parse("{\"result\":{\"status\":\"success\",\"message\":\"connecting\"}}"));

        Assert.Equal("{\n   \"result\" : {\n      \"message\" : \"connecting\",\n      \"status\" : \"success\"\n   }\n}\n", text);
    }

    [Fact]
    public void PutsShortArraysOfPrimitivesOnOneLine()
    {
        Assert.Equal("{\n   \"a\" : [ 1, \"x\", true, null, [], {} ]\n}\n", StyledJsonWriter.Write(JsonNode.Parse("{\"a\":[1,\"x\",true,null,[],{}]}")));
    }

    [Fact]
    public void BreaksArraysThatWouldReachTheMargin()
    {
        var longItems = string.Join(",", Enumerable.Range(0, 8).Select(i => $"\"item-number-{i}\""));

        var text = StyledJsonWriter.Write(JsonNode.Parse($"[{longItems}]"));

        Assert.StartsWith("[\n   \"item-number-0\",\n   \"item-number-1\",", text);
        Assert.EndsWith("   \"item-number-7\"\n]\n", text);
    }

    [Fact]
    public void WritesArraysOfObjectsOneElementPerLine()
    {
        var text = StyledJsonWriter.Write(JsonNode.Parse("{\"peers\":[{\"address\":\"1.2.3.4:51235\",\"inbound\":true}],\"cluster\":{}}"));

        Assert.Equal(
            "{\n" +
            "   \"cluster\" : {},\n" +
            "   \"peers\" : [\n" +
            "      {\n" +
            "         \"address\" : \"1.2.3.4:51235\",\n" +
            "         \"inbound\" : true\n" +
            "      }\n" +
            "   ]\n" +
            "}\n",
            text);
    }

    [Fact]
    public void WritesNullPeersAsRippledDoes()
    {
        Assert.Equal("{\n   \"cluster\" : {},\n   \"peers\" : null\n}\n", StyledJsonWriter.Write(JsonNode.Parse("{\"peers\":null,\"cluster\":{}}")));
    }

    [Fact]
    public void EscapesOnlyQuotesBackslashesAndControls()
    {
        Assert.Equal("\"a\\\"b\\\\c\\n\\u0001é/\"", StyledJsonWriter.Quote("a\"b\\c\n\u0001é/"));
    }

    [Fact]
    public void WritesRealsAsPercentSixteenG()
    {
        Assert.Equal("[ 1.5, 0.1, 1e+20, 42 ]\n", StyledJsonWriter.Write(JsonNode.Parse("[1.50, 0.1, 1e20, 42]")));
    }
}
