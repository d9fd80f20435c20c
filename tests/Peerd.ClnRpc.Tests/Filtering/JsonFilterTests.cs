using System.Text.Json;
using Peerd.ClnRpc.Filtering;

namespace Peerd.ClnRpc.Tests.Filtering;

public class JsonFilterTests
{
    private const string Suffix = ": invalid token (see logs for details)";

    [Theory]
    [InlineData("1")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("\"id\"")]
    [InlineData("[{\"id\":true}]")]
    public void ATopLevelThatIsNotAnObjectIsExpectedObject(string filter)
    {
        AssertRefused(filter, "filter: Expected object" + Suffix);
    }

    [Theory]
    [InlineData("{\"id\":false}")]
    [InlineData("{\"id\":null}")]
    [InlineData("{\"id\":1}")]
    [InlineData("{\"id\":\"true\"}")]
    [InlineData("{\"peers\":[{\"id\":false}]}")]
    [InlineData("{\"our_features\":{\"init\":0}}")]
    public void AMemberValueThatIsNotTrueOrATemplateIsRefused(string filter)
    {
        AssertRefused(filter, "filter: value must be true" + Suffix);
    }

    [Theory]
    [InlineData("{\"peers\":[]}")]
    [InlineData("{\"peers\":[true,true]}")]
    [InlineData("{\"peers\":[{\"id\":true},{\"netaddr\":true}]}")]
    [InlineData("{\"m\":[[]]}")]
    public void AnArrayWithoutExactlyOneElementIsRefused(string filter)
    {
        AssertRefused(filter, "filter: Arrays can only have one element" + Suffix);
    }

    [Fact]
    public void TheFirstProblemInDocumentOrderIsTheOneReported()
    {
        AssertRefused("{\"a\":[],\"b\":false}", "filter: Arrays can only have one element" + Suffix);
        AssertRefused("{\"b\":false,\"a\":[]}", "filter: value must be true" + Suffix);
    }

    [Fact]
    public void RefusalsAreInvalidParams()
    {
        using var doc = JsonDocument.Parse("1");
        Assert.False(JsonFilter.TryParse(doc.RootElement, out _, out var error));
        Assert.Equal(-32602, error!.Code);
    }

    [Theory]
    [InlineData("{\"peers\":[1]}")]
    [InlineData("{\"peers\":[false]}")]
    [InlineData("{\"peers\":[null]}")]
    [InlineData("{\"peers\":[\"x\"]}")]
    [InlineData("{\"peers\":[true]}")]
    [InlineData("{\"peers\":[{}]}")]
    public void AnArraysOnlyElementIsALeafUncheckedWhenItIsAPrimitive(string filter)
    {
        var parsed = Parse(filter);

        Assert.True(parsed.Members["peers"].Element!.IsLeaf);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"id\":true}")]
    [InlineData("{\"id\":{}}")]
    public void TrueAndAnEmptyObjectAreTheSameLeaf(string filter)
    {
        var parsed = Parse(filter);

        Assert.True(filter == "{}" ? parsed.IsLeaf : parsed.Members["id"].IsLeaf);
    }

    [Fact]
    public void BuildsTheTreeOfTheListTransactionsExample()
    {
        var parsed = Parse("{\"transactions\": [{\"outputs\": [{\"amount_msat\": true, \"type\": true}]}]}");

        var output = parsed.Members["transactions"].Element!.Members["outputs"].Element!;
        Assert.Equal(["amount_msat", "type"], output.Members.Keys.Order(StringComparer.Ordinal));
        Assert.All(output.Members.Values, m => Assert.True(m.IsLeaf));
        Assert.Null(parsed.Element);
    }

    [Fact]
    public void OfDuplicateKeysTheFirstIsKeptButTheSecondIsStillChecked()
    {
        Assert.True(Parse("{\"id\":true,\"id\":{\"x\":true}}").Members["id"].IsLeaf);
        AssertRefused("{\"id\":true,\"id\":false}", "filter: value must be true" + Suffix);
    }

    [Fact]
    public void AFilterAsDeepAsTheRequestLimitAllowsIsParsed()
    {
        // Nested inside a request object, a filter can reach one level less than the request limit.
        var depth = RpcLimits.MaxRequestDepth - 1;
        var text = string.Concat(Enumerable.Repeat("{\"a\":", depth - 1)) + "{\"a\":true}" + new string('}', depth - 1);

        var node = Parse(text, RpcLimits.MaxRequestDepth);

        for (var i = 0; i < depth; i++)
        {
            node = node.Members["a"];
        }

        Assert.True(node.IsLeaf);
    }

    private static JsonFilter Parse(string text, int maxDepth = 64)
    {
        using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = maxDepth });
        Assert.True(JsonFilter.TryParse(doc.RootElement, out var filter, out var error), error?.Message);
        return filter!;
    }

    private static void AssertRefused(string text, string message)
    {
        using var doc = JsonDocument.Parse(text);
        Assert.False(JsonFilter.TryParse(doc.RootElement, out var filter, out var error));
        Assert.Null(filter);
        Assert.Equal(message, error!.Message);
    }
}
