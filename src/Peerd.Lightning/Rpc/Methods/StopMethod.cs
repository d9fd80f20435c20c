using System.Text.Json.Nodes;
using Peerd.ClnRpc;
using Peerd.ClnRpc.Dispatch;

namespace Peerd.Lightning.Rpc.Methods;

/// <summary><c>stop</c>: answers <c>"Shutdown complete"</c> as Core Lightning does, then shuts the daemon down.</summary>
public static class StopMethod
{
    /// <summary>Creates the method; <paramref name="stop"/> begins the shutdown once the answer has been written.</summary>
    public static RpcMethod Create(Action stop) => new("stop", [], (call, cancellationToken) =>
    {
        _ = call.ResponseWritten.ContinueWith(_ => stop(), TaskScheduler.Default);
        return ValueTask.FromResult(RpcResult.Success(JsonValue.Create("Shutdown complete")));
    });
}
