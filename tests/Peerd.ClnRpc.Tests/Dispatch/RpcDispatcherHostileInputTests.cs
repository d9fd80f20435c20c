using System.Text;
using System.Text.Json.Nodes;
using Peerd.ClnRpc.Dispatch;

namespace Peerd.ClnRpc.Tests.Dispatch;

/// <summary>Requests found by the mutation run that once made <see cref="RpcDispatcher.Prepare"/> throw.</summary>
public class RpcDispatcherHostileInputTests
{
    private readonly RpcDispatcher _dispatcher = new();

    public RpcDispatcherHostileInputTests()
    {
        _dispatcher.Register("echo", [RpcParameter.Optional("value")], (_, _) => ValueTask.FromResult<RpcResult>(new JsonObject()));
    }

    [Fact]
    public void InvalidUtf8InsideAStringIsUnparseableAndCloses()
    {
        byte[] request = [.. "{\"jsonrpc\":\"2.0\",\"id\":\"cli#"u8, 0x80, .. "\",\"method\":\"echo\",\"params\":{}}"u8];
        var prepared = _dispatcher.Prepare(new(request));
        Assert.Null(prepared.Call);
        Assert.True(prepared.CloseConnection);
        Assert.StartsWith("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Failed to parse RPC JSON response", Encoding.UTF8.GetString(prepared.ImmediateResponse!), StringComparison.Ordinal);
    }

    [Fact]
    public void ALoneSurrogateEscapeInAParameterNameIsUnparseableAndCloses()
    {
        var request = """{"jsonrpc":"2.0","id":1,"method":"echo","params":{"va\ude00lue":1}}"""u8.ToArray();
        var prepared = _dispatcher.Prepare(new(request));
        Assert.Null(prepared.Call);
        Assert.True(prepared.CloseConnection);
        Assert.Contains("Failed to parse RPC JSON response", Encoding.UTF8.GetString(prepared.ImmediateResponse!), StringComparison.Ordinal);
    }
}
