using System.Text.Json.Nodes;
using Peerd.Rpc;
using Peerd.Rpc.Dispatch;

namespace Peerd.Lightning.Rpc.Methods;

/// <summary><c>stop</c>: answers <c>"Shutdown complete"</c> as Core Lightning does, then shuts the daemon down.</summary>
public static class StopMethod
{
    /// <summary>How long the answer gets to reach the client before shutdown begins.</summary>
    public static readonly TimeSpan AnswerGrace = TimeSpan.FromMilliseconds(100);

    /// <summary>Creates the method; <paramref name="stop"/> begins the shutdown.</summary>
    public static RpcMethod Create(Action stop) => new("stop", [], (_, _) =>
    {
        _ = Task.Delay(AnswerGrace).ContinueWith(_ => stop(), TaskScheduler.Default);
        return ValueTask.FromResult(RpcResult.Success(JsonValue.Create("Shutdown complete")));
    });
}
