using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Peerd.Xrpl.Hosting;

namespace Peerd.Xrpl.Admin;

/// <summary>
/// The WebSocket admin API (rippled <c>ServerHandler::onWSMessage</c>/<c>processSession</c>): one JSON object per
/// text message, <c>command</c> or <c>method</c> naming the method; answers carry <c>"type":"response"</c>, the
/// request's <c>id</c> and <c>api_version</c>, and errors are hoisted to the top level with the request echoed.
/// Messages are handled concurrently (a <c>connect</c> with <c>wait</c> does not hold up a <c>ping</c>); replies are
/// written one at a time.
/// </summary>
internal sealed class WebSocketEndpoint(RpcDispatcher dispatcher, AdminAccess access, ILogger log, Streams.StreamHub? hub = null)
{
    private const int MaxInFlight = 16;

    public async Task HandleAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var remote = context.Connection.RemoteIpAddress ?? IPAddress.None;
        var remoteText = $"{remote}:{context.Connection.RemotePort}";
        using var sendLock = new SemaphoreSlim(1, 1);
        using var inFlight = new SemaphoreSlim(MaxInFlight, MaxInFlight);
        var pending = new List<Task>();
        var buffer = new byte[16 * 1024];
        var subscriber = new Streams.StreamSubscriber();
        hub?.Add(subscriber);
        var pump = PumpAsync(socket, sendLock, subscriber, context.RequestAborted);
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var message = await ReceiveAsync(socket, buffer, context.RequestAborted).ConfigureAwait(false);
                if (message is null)
                {
                    break;
                }

                await inFlight.WaitAsync(context.RequestAborted).ConfigureAwait(false);
                pending.RemoveAll(t => t.IsCompleted);
                pending.Add(Task.Run(async () =>
                {
                    try
                    {
                        await HandleMessageAsync(socket, sendLock, message.Value, remote, remoteText, hub is null ? null : subscriber, context.RequestAborted).ConfigureAwait(false);
                    }
                    finally
                    {
                        inFlight.Release();
                    }
                }));
            }

            await Task.WhenAll(pending).ConfigureAwait(false);
            hub?.Remove(subscriber);
            subscriber.Queue.Writer.TryComplete();
            await pump.ConfigureAwait(false);
            if (socket.State == WebSocketState.CloseReceived)
            {
                // Echo the client's close code (RFC 6455 §5.5.1): xrpl.js reconnects unless it gets its own 4000 back.
                await socket.CloseOutputAsync(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, socket.CloseStatusDescription, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // The client went away.
        }
        finally
        {
            hub?.Remove(subscriber);
            subscriber.Queue.Writer.TryComplete();
            await pump.ConfigureAwait(false);
        }
    }

    // Stream messages go out between replies, under the same send lock.
    private static async Task PumpAsync(WebSocket socket, SemaphoreSlim sendLock, Streams.StreamSubscriber subscriber, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in subscriber.Queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    sendLock.Release();
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection is ending.
        }
    }

    private async Task HandleMessageAsync(WebSocket socket, SemaphoreSlim sendLock, (byte[] Bytes, bool TooLarge) message, IPAddress remote, string remoteText, Streams.StreamSubscriber? subscriber, CancellationToken cancellationToken)
    {
        var (reply, call) = await ProcessAsync(message, remote, remoteText, subscriber, cancellationToken).ConfigureAwait(false);
        await sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(SortedJson.ToUtf8(reply), WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            return;
        }
        finally
        {
            sendLock.Release();
        }

        call?.AfterResponse?.Invoke();
    }

    private async Task<(JsonObject Reply, RpcCall? Call)> ProcessAsync((byte[] Bytes, bool TooLarge) message, IPAddress remote, string remoteText, Streams.StreamSubscriber? subscriber, CancellationToken cancellationToken)
    {
        var request = message.TooLarge ? null : RpcEnvelope.TryParseObject(message.Bytes, out _);
        if (request is null)
        {
            return (new JsonObject { ["type"] = "error", ["error"] = "jsonInvalid", ["value"] = Encoding.UTF8.GetString(message.Bytes) }, null);
        }

        request.TryGetPropertyValue("command", out var commandNode);
        request.TryGetPropertyValue("method", out var methodNode);
        var invalidVersion = RpcEnvelope.HasInvalidApiVersion(request);
        if (invalidVersion
            || (commandNode is null && methodNode is null)
            || (commandNode is not null && commandNode.GetValueKind() != JsonValueKind.String)
            || (methodNode is not null && methodNode.GetValueKind() != JsonValueKind.String)
            || (commandNode is not null && methodNode is not null && commandNode.GetValue<string>() != methodNode.GetValue<string>()))
        {
            var bad = new JsonObject
            {
                ["type"] = "response",
                ["status"] = "error",
                ["error"] = invalidVersion ? "invalid_API_version" : "missingCommand",
                ["request"] = RpcEnvelope.MaskedCopy(request),
            };
            Echo(request, bad);
            return (bad, null);
        }

        var method = (commandNode ?? methodNode)!.GetValue<string>();
        var role = access.RoleOf(remote, request);
        XrplLog.AdminRequest(log, "WebSocket", remoteText, method, role.ToString());
        JsonObject result;
        RpcCall? call = null;
        if (dispatcher.RequiresAdmin(method) && role != RpcRole.Admin)
        {
            result = RpcError.Forbidden.ToJson();
        }
        else
        {
            call = new RpcCall(method, (JsonObject)request.DeepClone(), role, RpcTransport.WebSocket, remoteText) { Subscriber = subscriber };
            result = await dispatcher.InvokeAsync(call, cancellationToken).ConfigureAwait(false);
        }

        JsonObject reply;
        if (RpcError.IsError(result))
        {
            // "Regularize result": errors are hoisted to the top level with the request echoed.
            reply = result;
            reply["status"] = "error";
            reply["request"] = RpcEnvelope.MaskedCopy(request);
        }
        else
        {
            reply = new JsonObject { ["result"] = result, ["status"] = "success" };
        }

        Echo(request, reply);
        reply["type"] = "response";
        return (reply, call);
    }

    private static void Echo(JsonObject request, JsonObject reply)
    {
        foreach (var field in RpcEnvelope.EchoedFields.Append("api_version"))
        {
            if (request.TryGetPropertyValue(field, out var value))
            {
                reply[field] = value?.DeepClone();
            }
        }
    }

    private static async Task<(byte[] Bytes, bool TooLarge)?> ReceiveAsync(WebSocket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        var tooLarge = false;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            if (message.Length + result.Count > RpcEnvelope.MaxRequestSize)
            {
                tooLarge = true;
            }
            else
            {
                message.Write(buffer, 0, result.Count);
            }

            if (result.EndOfMessage)
            {
                return (message.ToArray(), tooLarge);
            }
        }
    }
}
