using System.Text.Json;
using System.Text.Json.Nodes;
using Peerd.ClnRpc.Filtering;
using Peerd.ClnRpc.Protocol;

namespace Peerd.ClnRpc.Dispatch;

/// <summary>
/// One request on its way to a method: the method, the id to echo and the bound parameters. It owns the parsed
/// request document, so the <see cref="System.Text.Json.JsonElement"/>s in <see cref="Parameters"/> are valid only
/// until the dispatcher disposes the call after the method completes (use <c>Clone()</c> to keep one longer).
/// </summary>
public sealed class RpcCall : IDisposable
{
    private readonly JsonDocument _document;
    private readonly TaskCompletionSource _responseWritten = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly RpcSession? _session;
    private readonly bool _sendNotifications;

    internal RpcCall(
        JsonDocument document,
        IRpcMethod method,
        string idJson,
        RpcParameters parameters,
        JsonFilter? filter = null,
        RpcSession? session = null,
        JsonElement rawParams = default,
        bool checkOnly = false)
    {
        Filter = filter;
        _document = document;
        Method = method;
        IdJson = idJson;
        Parameters = parameters;
        _session = session;
        _sendNotifications = session?.NotificationsEnabled ?? false;
        RawParams = rawParams;
        IsCheckOnly = checkOnly;
    }

    /// <summary>The connection this call came on, if any (the <c>notifications</c> method sets its flag).</summary>
    public RpcSession? Session => _session;

    /// <summary>The request's <c>params</c> value as sent (an array or an object).</summary>
    public JsonElement RawParams { get; }

    /// <summary>
    /// Called through <c>check</c>: the method validates everything it can without changing anything, then answers
    /// <see cref="CheckDone"/> instead of acting (Core Lightning's <c>command_check_only</c>).
    /// </summary>
    public bool IsCheckOnly { get; }

    /// <summary>Whether the client asked for notifications (when the request was read).</summary>
    public bool SendsNotifications => _sendNotifications;

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

    /// <summary>The answer of a call made through <c>check</c> that passed: <c>{"command_to_check":"&lt;method&gt;"}</c>.</summary>
    public RpcResult CheckDone() => RpcResult.Success(new JsonObject { ["command_to_check"] = Method.Name });

    /// <summary>
    /// Sends a <c>message</c> notification about this call, if its client enabled notifications; otherwise nothing.
    /// </summary>
    /// <param name="level">A log level name: <c>debug</c>, <c>info</c>, <c>unusual</c> or <c>broken</c>.</param>
    /// <param name="message">The text.</param>
    public ValueTask NotifyMessageAsync(string level, string message) =>
        _sendNotifications ? _session!.SendAsync(JsonRpcNotificationWriter.Message(IdJson, level, message)) : ValueTask.CompletedTask;

    /// <summary>Sends a <c>progress</c> notification (<c>0 &lt;= num &lt; total</c>) if the client enabled notifications.</summary>
    public ValueTask NotifyProgressAsync(int num, int total, (int Num, int Total)? stage = null) =>
        _sendNotifications ? _session!.SendAsync(JsonRpcNotificationWriter.Progress(IdJson, num, total, stage)) : ValueTask.CompletedTask;

    /// <summary>Releases the request document.</summary>
    public void Dispose() => _document.Dispose();

    /// <summary>Called by the transport after writing (or dropping) the response; completes <see cref="ResponseWritten"/>.</summary>
    public void MarkResponseWritten() => _responseWritten.TrySetResult();
}
