using System.Text;
using Peerd.Cli.Json;
using Peerd.Cli.Output;

namespace Peerd.Cli.Tests.Output;

/// <summary>The printers of <c>cli/lightning-cli.c</c>.</summary>
public class ClnPrintersTests
{
    [Fact]
    public void JsonIndentsNestedContainersByThreeSpaces()
    {
        var text = Json("{\"a\":[1,[],{}],\"b\":{\"c\":[{\"d\":null}]},\"e\":\"x\"}");

        Assert.Equal(
            "{\n" +
            "   \"a\": [\n" +
            "      1,\n" +
            "      [],\n" +
            "      {}\n" +
            "   ],\n" +
            "   \"b\": {\n" +
            "      \"c\": [\n" +
            "         {\n" +
            "            \"d\": null\n" +
            "         }\n" +
            "      ]\n" +
            "   },\n" +
            "   \"e\": \"x\"\n" +
            "}",
            text);
    }

    [Theory]
    [InlineData("\"\\u00e9\\\"\"")]
    [InlineData("1.000e+3")]
    [InlineData("-0")]
    [InlineData("\"é\"")]
    public void JsonKeepsTokensAsReceived(string token)
    {
        Assert.Equal(token, Json(token));
    }

    [Fact]
    public void JsonKeepsEscapedKeysAsReceived()
    {
        Assert.Equal("{\n   \"a\\\"b\": 1\n}", Json("{\"a\\\"b\":1}"));
    }

    [Fact]
    public void HumanElidesASingleMemberObject()
    {
        Assert.Equal("v\n", Human("{\"only\":\"v\"}"));
        Assert.Equal("a=1\nb=x\n", Human("{\"a\":1,\"b\":\"x\"}"));
        Assert.Equal("1\n2\n", Human("[1,2]"));
    }

    [Fact]
    public void HumanTurnsNewlineAndTabEscapesIntoCharactersAndDropsOtherBackslashes()
    {
        Assert.Equal("a\nb\tc\"d\\e\n", Human("\"a\\nb\\tc\\\"d\\\\e\""));
    }

    [Fact]
    public void FlatWritesPathsToEachPrimitive()
    {
        var output = new StringBuilder();
        ClnPrinters.Flat(output, RawNode.Parse("{\"a\":[1,{\"b\":\"x\"}],\"c\":true}"u8));

        Assert.Equal("a[0]=1\na[1].b=x\nc=true\n", output.ToString());
    }

    [Fact]
    public void HelpListSortsByCategoryWithDeveloperLastThenByName()
    {
        var output = new StringBuilder();
        ClnPrinters.HelpList(output, RawNode.Parse(
            """
            {"help":[
              {"command":"z","category":"developer"},
              {"command":"b","category":"network"},
              {"command":"a","category":"network"},
              {"command":"c","category":"bitcoin"}]}
            """u8), "peerd-cli");

        Assert.Equal("c\n\na\n\nb\n\nz\n\n---\nrun `peerd-cli help <command>` for more information on a specific command\n", output.ToString());
    }

    private static string Json(string json)
    {
        var output = new StringBuilder();
        ClnPrinters.Json(output, RawNode.Parse(Encoding.UTF8.GetBytes(json)));
        return output.ToString();
    }

    private static string Human(string json)
    {
        var output = new StringBuilder();
        ClnPrinters.Human(output, RawNode.Parse(Encoding.UTF8.GetBytes(json)));
        return output.ToString();
    }
}
