using System.Text.Json.Nodes;
using Peerd.ClnRpc;
using Peerd.ClnRpc.Dispatch;
using Peerd.ClnRpc.Protocol;

namespace Peerd.Lightning.Rpc.Methods;

/// <summary>
/// <c>help [command]</c>: the usage line of every method (or of one), in Core Lightning's shape; an unknown command is
/// <c>-32601 Unknown command &lt;name&gt;</c>, as Core Lightning's <c>json_help</c> answers it.
/// </summary>
public static class HelpMethod
{
    /// <summary>Creates the method over the dispatcher's registrations.</summary>
    public static RpcMethod Create(RpcDispatcher dispatcher) => new("help", [RpcParameter.Optional("command")], (call, _) =>
    {
        ArgumentNullException.ThrowIfNull(call);
        var list = new JsonArray();
        string? wanted = call.Parameters.TryGet("command", out var value) ? RawJson.Content(value) : null;
        foreach (var method in dispatcher.Methods.OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            if (wanted is null || method.Name == wanted)
            {
                list.Add(new JsonObject { ["command"] = RpcMethod.Usage(method) });
            }
        }

        if (wanted is not null && list.Count == 0)
        {
            return ValueTask.FromResult(RpcResult.Failure(new RpcError(RpcErrorCodes.MethodNotFound, $"Unknown command {wanted}")));
        }

        if (call.IsCheckOnly)
        {
            return ValueTask.FromResult(call.CheckDone());
        }

        return ValueTask.FromResult(RpcResult.Success(new JsonObject { ["help"] = list, ["format-hint"] = "simple" }));
    })
    { HandlesCheckOnly = true };
}
