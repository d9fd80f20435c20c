using System.Text;
using System.Text.Json.Nodes;
using Peerd.ClnRpc.Protocol;

namespace Peerd.ClnRpc.Tests.Protocol;

public class JsonRpcResponseWriterTests
{
    [Fact]
    public void WritesASuccessCompactInCoreLightningsKeyOrderThenTwoNewlines()
    {
        var result = new JsonObject { ["id"] = "03a5", ["direction"] = "out", ["address"] = new JsonObject { ["type"] = "ipv4", ["port"] = 29736 } };

        var bytes = JsonRpcResponseWriter.Write("\"raw-1\"", result, "connect");

        Assert.Equal(
            "{\"jsonrpc\":\"2.0\",\"id\":\"raw-1\",\"result\":{\"id\":\"03a5\",\"direction\":\"out\",\"address\":{\"type\":\"ipv4\",\"port\":29736}}}\n\n",
            Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void WritesAnErrorWithCodeAndMessageOnly()
    {
        var bytes = JsonRpcResponseWriter.WriteError("7", new RpcError(-32601, "Unknown command 'x'"));

        Assert.Equal(
            "{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-32601,\"message\":\"Unknown command 'x'\"}}\n\n",
            Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void EscapesOnlyWhatJsonRequires()
    {
        var bytes = JsonRpcResponseWriter.WriteError("null", new RpcError(-1, "a'b<c>&\"d\\e\nf é"));

        Assert.Equal(
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-1,\"message\":\"a'b<c>&\\\"d\\\\e\\nf é\"}}\n\n",
            Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void EchoesTheIdTokenVerbatim()
    {
        var bytes = JsonRpcResponseWriter.Write("\"a\\u0041\"", RpcResult.Success((JsonNode?)null), "m");

        Assert.StartsWith("{\"jsonrpc\":\"2.0\",\"id\":\"a\\u0041\",\"result\":{}}", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void WritesACallbackResult()
    {
        var bytes = JsonRpcResponseWriter.Write("1", RpcResult.Success(w => w.WriteStringValue("Shutdown complete")), "stop");

        Assert.Equal("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"Shutdown complete\"}\n\n", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void ReplacesAResultThatWouldContainABlankLine()
    {
        var bytes = JsonRpcResponseWriter.Write("1", RpcResult.Success(w => w.WriteRawValue("{\n\n}", skipInputValidation: true)), "m");

        var text = Encoding.UTF8.GetString(bytes);
        Assert.Equal("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-1,\"message\":\"Internal error in m: result contains a blank line\"}}\n\n", text);
    }

    [Fact]
    public void ReplacesAResultWhoseWriterThrows()
    {
        var bytes = JsonRpcResponseWriter.Write("1", RpcResult.Success(_ => throw new InvalidOperationException("boom")), "m");

        Assert.Equal(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-1,\"message\":\"Internal error in m: result could not be written: boom\"}}\n\n",
            Encoding.UTF8.GetString(bytes));
    }
}
