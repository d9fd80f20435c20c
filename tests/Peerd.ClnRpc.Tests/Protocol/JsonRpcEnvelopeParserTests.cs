using System.Text.Json;
using Peerd.ClnRpc.Protocol;

namespace Peerd.ClnRpc.Tests.Protocol;

public class JsonRpcEnvelopeParserTests
{
    [Theory]
    [InlineData("[]", "Expected {} for json command", -32600, "null", false)]
    [InlineData("\"x\"", "Expected {} for json command", -32600, "null", false)]
    [InlineData("{\"id\":1,\"method\":\"m\",\"params\":[]}", "JSON-RPC message does not contain \"jsonrpc\" field: '{\"id\":1,\"method\":\"m\",\"params\":[]}'", -32600, "null", true)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":[]}", "No id", -32600, "null", false)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"m\",\"params\":[]}", "Expected string/primitive for id", -32600, "null", false)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"m\",\"params\":[]}", "Expected string/primitive for id", -32600, "null", false)]
    [InlineData("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"m\",\"params\":[]}", "jsonrpc: \"2.0\" must be specified in the request", -32600, "null", false)]
    [InlineData("{\"jsonrpc\":2.0,\"id\":1,\"method\":\"m\",\"params\":[]}", "jsonrpc: \"2.0\" must be specified in the request", -32600, "null", false)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"params\":[]}", "No method", -32600, "1", false)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1}", "No method", -32600, "1", false)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":\"q\",\"method\":\"m\"}", "No params", -32600, "\"q\"", false)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":12,\"params\":[]}", "Expected string for method", -32600, "1", false)]
    public void RefusesInCoreLightningsOrderWithItsTexts(string request, string message, int code, string idJson, bool close)
    {
        using var document = JsonDocument.Parse(request);

        var ok = JsonRpcEnvelopeParser.TryParse(document.RootElement, () => request, out _, out var rejection);

        Assert.False(ok);
        Assert.Equal(new RpcError(code, message), rejection!.Error);
        Assert.Equal(idJson, rejection.IdJson);
        Assert.Equal(close, rejection.CloseConnection);
    }

    [Theory]
    [InlineData("\"cli:getinfo#123\"")]
    [InlineData("\"a\\u0041\\\"b\"")]
    [InlineData("7")]
    [InlineData("-1.50e3")]
    [InlineData("true")]
    [InlineData("null")]
    public void KeepsThePrimitiveIdVerbatim(string id)
    {
        using var document = JsonDocument.Parse($"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"method\":\"getinfo\",\"params\":[]}}");

        Assert.True(JsonRpcEnvelopeParser.TryParse(document.RootElement, () => "", out var envelope, out _));
        Assert.Equal(id, envelope.IdJson);
        Assert.Equal("getinfo", envelope.Method);
    }

    [Fact]
    public void UsesTheFirstOfDuplicateMembersAsCoreLightningDoes()
    {
        using var document = JsonDocument.Parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"a\",\"method\":\"b\",\"params\":[]}");

        Assert.True(JsonRpcEnvelopeParser.TryParse(document.RootElement, () => "", out var envelope, out _));
        Assert.Equal("1", envelope.IdJson);
        Assert.Equal("a", envelope.Method);
    }

    [Fact]
    public void ChecksTheIdBeforeTheVersionValue()
    {
        using var document = JsonDocument.Parse("{\"jsonrpc\":\"1.0\",\"method\":\"m\",\"params\":[]}");

        JsonRpcEnvelopeParser.TryParse(document.RootElement, () => "", out _, out var rejection);

        Assert.Equal("No id", rejection!.Error.Message);
    }

    [Fact]
    public void ReportsAMissingVersionBeforeAMissingId()
    {
        using var document = JsonDocument.Parse("{\"method\":\"m\",\"params\":[]}");

        JsonRpcEnvelopeParser.TryParse(document.RootElement, () => "RAW", out _, out var rejection);

        Assert.Equal("JSON-RPC message does not contain \"jsonrpc\" field: 'RAW'", rejection!.Error.Message);
    }
}
