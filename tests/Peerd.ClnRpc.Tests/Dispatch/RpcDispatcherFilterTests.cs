using System.Text;
using System.Text.Json.Nodes;
using Peerd.ClnRpc.Dispatch;

namespace Peerd.ClnRpc.Tests.Dispatch;

/// <summary>The request's <c>filter</c> member through the real dispatcher (<c>lightningd/jsonrpc.c</c> parse_request).</summary>
public class RpcDispatcherFilterTests
{
    private const string BadFilter = "{\"code\":-32602,\"message\":\"filter: Expected object: invalid token (see logs for details)\"}";
    private readonly RpcDispatcher _dispatcher = new();

    public RpcDispatcherFilterTests()
    {
        _dispatcher.Register("getinfo", [], (_, _) => ValueTask.FromResult<RpcResult>(new JsonObject
        {
            ["id"] = "02ab",
            ["num_peers"] = 1,
            ["address"] = new JsonArray(new JsonObject { ["type"] = "ipv4", ["port"] = 9735 }),
        }));
        _dispatcher.Register("listpeers", [RpcParameter.Optional("id")], (_, _) => ValueTask.FromResult(RpcResult.Success(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("peers");
            w.WriteStartObject();
            w.WriteString("id", "03cd");
            w.WriteBoolean("connected", true);
            w.WriteStartArray("netaddr");
            w.WriteStringValue("127.0.0.1:9735");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        })));
        _dispatcher.Register("fail", [], (_, _) => ValueTask.FromResult<RpcResult>(new RpcError(400, "Unable to connect, no address known for peer")));
    }

    [Theory]
    [InlineData("{\"id\":true}", "{\"id\":\"02ab\"}")]
    [InlineData("{\"num_peers\":true,\"id\":true}", "{\"id\":\"02ab\",\"num_peers\":1}")]
    [InlineData("{\"address\":[{\"port\":true}]}", "{\"address\":[{\"port\":9735}]}")]
    [InlineData("{\"nosuch\":true}", "{}")]
    [InlineData("{\"address\":{\"port\":true}}", "{\"address\":[],\"warning_parameter_filter\":\".address is an array\"}")]
    public async Task FiltersANodeResult(string filter, string result)
    {
        Assert.Equal($"{{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{result}}}\n\n", await Handle("getinfo", "[]", filter));
    }

    [Fact]
    public async Task FiltersAResultWrittenByCallback()
    {
        Assert.Equal(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"peers\":[{\"id\":\"03cd\"}]}}\n\n",
            await Handle("listpeers", "[]", "{\"peers\":[{\"id\":true}]}"));
    }

    [Fact]
    public async Task LeavesAnErrorUnfiltered()
    {
        Assert.Equal(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":400,\"message\":\"Unable to connect, no address known for peer\"}}\n\n",
            await Handle("fail", "[]", "{\"id\":true}"));
    }

    [Theory]
    [InlineData("1", BadFilter)]
    [InlineData("[{\"id\":true}]", BadFilter)]
    [InlineData("{\"id\":false}", "{\"code\":-32602,\"message\":\"filter: value must be true: invalid token (see logs for details)\"}")]
    [InlineData("{\"address\":[]}", "{\"code\":-32602,\"message\":\"filter: Arrays can only have one element: invalid token (see logs for details)\"}")]
    public async Task RefusesAMalformedFilterWithCoreLightningsError(string filter, string error)
    {
        Assert.Equal($"{{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{error}}}\n\n", await Handle("getinfo", "[]", filter));
    }

    [Fact]
    public async Task AnUnknownCommandIsReportedBeforeABadFilter()
    {
        Assert.Equal(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32601,\"message\":\"Unknown command 'nosuch'\"}}\n\n",
            await Handle("nosuch", "[]", "1"));
    }

    [Theory]
    [InlineData("3")]
    [InlineData("[1]")]
    [InlineData("{\"zz\":1}")]
    public async Task ABadFilterIsReportedBeforeAnyParameterProblem(string parameters)
    {
        Assert.Equal($"{{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{BadFilter}}}\n\n", await Handle("getinfo", parameters, "1"));
    }

    [Fact]
    public async Task TheFirstFilterMemberIsTheOneUsed()
    {
        var request = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"getinfo\",\"filter\":{\"id\":true},\"filter\":1,\"params\":[]}";

        Assert.Equal(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"id\":\"02ab\"}}\n\n",
            Encoding.UTF8.GetString(await _dispatcher.HandleAsync(Encoding.UTF8.GetBytes(request))));
    }

    [Fact]
    public async Task AFilterDeeperThanTheRequestLimitIsRefusedWithTheRequest()
    {
        var depth = RpcLimits.MaxRequestDepth + 1;
        var filter = string.Concat(Enumerable.Repeat("{\"a\":", depth - 1)) + "true" + new string('}', depth - 1);

        var response = await Handle("getinfo", "[]", filter);

        Assert.StartsWith("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Failed to parse RPC JSON response ", response, StringComparison.Ordinal);
    }

    private async Task<string> Handle(string method, string parameters, string filter)
    {
        var request = $"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"{method}\",\"filter\":{filter},\"params\":{parameters}}}";
        return Encoding.UTF8.GetString(await _dispatcher.HandleAsync(Encoding.UTF8.GetBytes(request)));
    }
}
