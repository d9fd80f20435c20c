using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Peerd.ClnRpc.Dispatch;
using Peerd.ClnRpc.Methods;

namespace Peerd.ClnRpc.Tests.Methods;

/// <summary><c>check</c>: Core Lightning's parameter check without running the command.</summary>
public class CheckMethodTests
{
    private readonly RpcDispatcher _dispatcher = new();
    private int _ran;

    public CheckMethodTests()
    {
        _dispatcher.Register(CheckMethod.Create(_dispatcher));
        _dispatcher.Register(
            "act",
            [RpcParameter.Required("amount", (name, value) => value.ValueKind == JsonValueKind.Number ? null : RpcError.BadParameter(name, "should be an integer")), RpcParameter.Optional("note")],
            (_, _) =>
            {
                _ran++;
                return ValueTask.FromResult<RpcResult>(new JsonObject());
            });
        _dispatcher.Register(new RpcMethod(
            "deep",
            [RpcParameter.Required("target")],
            (call, _) =>
            {
                // A method that checks more than its parameters, then stops before acting.
                if (call.Parameters.Get("target")!.Value.GetString() == "absent")
                {
                    return ValueTask.FromResult<RpcResult>(new RpcError(-1, "no such target"));
                }

                if (call.IsCheckOnly)
                {
                    return ValueTask.FromResult(call.CheckDone());
                }

                _ran++;
                return ValueTask.FromResult<RpcResult>(new JsonObject());
            },
            RpcParameterChecking.ByMethod) { HandlesCheckOnly = true });
        _dispatcher.Register("unsure", [], (_, _) =>
        {
            _ran++;
            return ValueTask.FromResult<RpcResult>(new JsonObject());
        }, RpcParameterChecking.ByMethod);
    }

    [Theory]
    [InlineData("[\"act\", 5]", "act")]
    [InlineData("{\"command_to_check\":\"act\",\"amount\":5,\"note\":\"x\"}", "act")]
    [InlineData("{\"amount\":5,\"command_to_check\":\"act\"}", "act")]
    [InlineData("[\"deep\",\"here\"]", "deep")]
    [InlineData("[\"unsure\"]", "unsure")]
    [InlineData("[\"check\",\"act\",1]", "act")]
    public async Task APassingCheckAnswersTheCommandNameAndRunsNothing(string parameters, string name)
    {
        var response = await Call(parameters);

        Assert.Equal($"{{\"command_to_check\":\"{name}\"}}", response.GetProperty("result").GetRawText());
        Assert.Equal(0, _ran);
    }

    [Theory]
    [InlineData("[]", -32602, "missing required parameter: command_to_check")]
    [InlineData("{}", -32602, "missing required parameter: command_to_check")]
    [InlineData("[null]", -32602, "missing required parameter: command_to_check")]
    [InlineData("[\"nosuch\"]", -32601, "Unknown command 'nosuch'")]
    [InlineData("{\"command_to_check\":\"a\",\"command_to_check\":\"act\"}", -32602, "duplicate json names: command_to_check")]
    [InlineData("[\"act\"]", -32602, "missing required parameter: amount")]
    [InlineData("[\"act\",\"five\"]", -32602, "amount: should be an integer: invalid token '\"five\"'")]
    [InlineData("[\"act\",1,2,3]", -32602, "too many parameters: got 3, expected 2")]
    [InlineData("[\"deep\",\"absent\"]", -1, "no such target")]
    public async Task AFailingCheckAnswersTheCommandsOwnError(string parameters, int code, string message)
    {
        var error = (await Call(parameters)).GetProperty("error");

        Assert.Equal(code, error.GetProperty("code").GetInt32());
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.Equal(0, _ran);
    }

    private async Task<JsonElement> Call(string parameters)
    {
        var response = await _dispatcher.HandleAsync(Encoding.UTF8.GetBytes(
            $"{{\"jsonrpc\":\"2.0\",\"method\":\"check\",\"id\":1,\"params\":{parameters}}}"));
        return JsonDocument.Parse(response).RootElement.Clone();
    }
}
