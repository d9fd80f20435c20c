using System.Text.Json;
using Peerd.Rpc.Filtering;

namespace Peerd.Rpc.Dispatch;

/// <summary>
/// One request on its way to a method: the method, the id to echo and the bound parameters. It owns the parsed
/// request document, so the <see cref="System.Text.Json.JsonElement"/>s in <see cref="Parameters"/> are valid only
/// until the dispatcher disposes the call after the method completes (use <c>Clone()</c> to keep one longer).
/// </summary>
public sealed class RpcCall : IDisposable
{
    private readonly JsonDocument _document;
    private readonly TaskCompletionSource _responseWritten = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal RpcCall(JsonDocument document, IRpcMethod method, string idJson, RpcParameters parameters, JsonFilter? filter = null)
    {
        Filter = filter;
        _document = document;
        Method = method;
        IdJson = idJson;
        Parameters = parameters;
    }

    /// <summary>The method being called.</summary>
    public IRpcMethod Method { get; }

    /// <summary>The request id as raw JSON (e.g. <c>"cli:connect#1234"</c> with quotes, or <c>7</c>), for logs.</summary>
    public string IdJson { get; }

    /// <summary>The request's <c>filter</c>, applied to a successful result when it is written; null when absent.</summary>
    public JsonFilter? Filter { get; }

    /// <summary>The bound parameters.</summary>
    public RpcParameters Parameters { get; }

    /// <summary>
    /// Completes once this call's response has been handed to the transport (or dropped because the client left).
    /// <c>stop</c> uses it to shut the daemon down only after its answer is on its way, as Core Lightning does.
    /// </summary>
    public Task ResponseWritten => _responseWritten.Task;

    /// <summary>Releases the request document.</summary>
    public void Dispose() => _document.Dispose();

    /// <summary>Called by the transport after writing (or dropping) the response; completes <see cref="ResponseWritten"/>.</summary>
    public void MarkResponseWritten() => _responseWritten.TrySetResult();
}
