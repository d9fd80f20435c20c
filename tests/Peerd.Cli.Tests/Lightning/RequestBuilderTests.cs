using Peerd.Cli.Lightning;

namespace Peerd.Cli.Tests.Lightning;

public class RequestBuilderTests
{
    [Theory]
    [InlineData("42", true)]
    [InlineData("0", true)]
    [InlineData("1.5", true)]
    [InlineData("0.25", true)]
    [InlineData("true", true)]
    [InlineData("false", true)]
    [InlineData("null", true)]
    [InlineData("{\"a\":1}", true)]
    [InlineData("[1,2]", true)]
    [InlineData("\"quoted\"", true)]
    [InlineData("007", false)]
    [InlineData("0123", false)]
    [InlineData("127.0.0.1", false)]
    [InlineData("1.", false)]
    [InlineData(".5", false)]
    [InlineData("00.5", false)]
    [InlineData("", false)]
    [InlineData("abc", false)]
    [InlineData("True", false)]
    [InlineData("-1", false)]
    [InlineData("\"", false)]
    [InlineData("02aa@127.0.0.1:9735", false)]
    public void SendsLiteralsBareAndEverythingElseQuoted(string arg, bool literal)
    {
        Assert.Equal(literal, RequestBuilder.IsLiteral(arg));
    }

    [Fact]
    public void BuildsAPositionalRequestWithTheCliId()
    {
        Assert.True(RequestBuilder.TryBuild("connect", ["02aa", "127.0.0.1", "9735"], InputMode.Autodetect, "cli:connect#7", null, out var request, out _));

        Assert.Equal("{\"jsonrpc\":\"2.0\",\"method\":\"connect\",\"id\":\"cli:connect#7\",\"params\":[\"02aa\",\"127.0.0.1\",9735]}", request);
    }

    [Fact]
    public void AutodetectsKeywordsFromAnEqualsSignInTheFirstParameter()
    {
        Assert.True(RequestBuilder.TryBuild("connect", ["id=02aa", "port=9735"], InputMode.Autodetect, "x", null, out var request, out _));

        Assert.EndsWith("\"params\":{\"id\":\"02aa\",\"port\":9735}}", request);
    }

    [Fact]
    public void OrderedModeKeepsEqualsSignsAsText()
    {
        Assert.True(RequestBuilder.TryBuild("m", ["a=b"], InputMode.Ordered, "x", null, out var request, out _));

        Assert.EndsWith("\"params\":[\"a=b\"]}", request);
    }

    [Fact]
    public void KeywordModeNeedsKeyValuePairs()
    {
        Assert.False(RequestBuilder.TryBuild("connect", ["id=02aa", "9735"], InputMode.Keywords, "x", null, out _, out var error));

        Assert.Equal("Expected key=value in '9735'", error);
    }

    [Fact]
    public void EscapesStringsAndMethodNames()
    {
        Assert.True(RequestBuilder.TryBuild("m", ["say \"hi\"\\\n"], InputMode.Ordered, "x", null, out var request, out _));

        Assert.EndsWith("\"params\":[\"say \\\"hi\\\"\\\\\\n\"]}", request);
        Assert.True(RequestBuilder.IsWellFormed(request));
    }

    [Fact]
    public void UsesAFixedIdForMethodNamesThatNeedEscaping()
    {
        Assert.Equal("cli:getinfo#12", RequestBuilder.RequestId("getinfo", 12));
        Assert.Equal("cli:weirdmethod!#12", RequestBuilder.RequestId("we\"ird", 12));
    }

    [Fact]
    public void AddsAFilterBeforeTheParameters()
    {
        Assert.True(RequestBuilder.TryBuild("getinfo", [], InputMode.Autodetect, "x", "{\"id\":true}", out var request, out _));

        Assert.Equal("{\"jsonrpc\":\"2.0\",\"method\":\"getinfo\",\"id\":\"x\",\"filter\":{\"id\":true},\"params\":[]}", request);
    }

    [Fact]
    public void DetectsLiteralsThatAreNotJsonAsLightningCliDoes()
    {
        // lightning-cli connect <id> [::1] 9735: "[::1]" looks like an array and is sent raw.
        Assert.True(RequestBuilder.TryBuild("connect", ["02aa", "[::1]", "9735"], InputMode.Ordered, "x", null, out var request, out _));

        Assert.False(RequestBuilder.IsWellFormed(request));
    }
}
