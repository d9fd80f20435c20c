using System.Text.Json;
using System.Text.Json.Nodes;
using Peerd.ClnRpc.Dispatch;

namespace Peerd.ClnRpc.Methods;

/// <summary>
/// <c>notifications enable</c>: turns this connection's notifications on or off (Core Lightning's
/// <c>json_notifications</c>); answers <c>{}</c>. <c>lightning-cli</c> sends it first on every connection and reads
/// the answer into a 100-byte buffer until <c>"\n\n"</c>, so the answer must stay that short: it is.
/// </summary>
public static class NotificationsMethod
{
    /// <summary>Creates the method.</summary>
    public static RpcMethod Create() => new(
        "notifications",
        [RpcParameter.Required("enable", BoolCheck)],
        (call, _) =>
        {
            // Catch the case where the client sent this and hung up: there is no session to remember it then.
            call.Session?.NotificationsEnabled = call.Parameters.Get("enable")!.Value.ValueKind == JsonValueKind.True;
            return ValueTask.FromResult(RpcResult.Success(new JsonObject()));
        });

    /// <summary><c>param_bool</c>: the bare tokens <c>true</c> or <c>false</c>.</summary>
    internal static RpcError? BoolCheck(string name, JsonElement value) =>
        value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : RpcError.BadParameter(name, "should be 'true' or 'false'");
}
