using System.Text.Json.Nodes;

namespace Peerd.Xrpl.Admin.Methods;

/// <summary><c>server_info</c> (anyone): <c>{"info":{…}}</c> as <see cref="ServerInfoJson"/> builds it, with the admin fields for admins.</summary>
internal sealed class ServerInfoMethod(AdminContext node) : RpcMethod
{
    public override string Name => "server_info";

    public override bool AdminOnly => false;

    public override Task<JsonObject> InvokeAsync(RpcCall call, CancellationToken cancellationToken) =>
        Task.FromResult(new JsonObject { ["info"] = ServerInfoJson.Build(node, call.Role == RpcRole.Admin) });
}
