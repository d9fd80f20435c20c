using System.Text.Json.Nodes;

namespace Peerd.Xrpl.Admin.Methods;

/// <summary><c>stop</c> (admin): answers, then asks the daemon to shut down (<see cref="Hosting.XrplNode.StopRequested"/>).</summary>
internal sealed class StopMethod(AdminContext node) : RpcMethod
{
    public override string Name => "stop";

    public override bool AdminOnly => true;

    public override Task<JsonObject> InvokeAsync(RpcCall call, CancellationToken cancellationToken)
    {
        call.AfterResponse = () => node.RequestStop($"stop requested over the admin API by {call.Remote}");

        // rippled: systemName() + " server stopping".
        return Task.FromResult(new JsonObject { ["message"] = "ripple server stopping" });
    }
}
