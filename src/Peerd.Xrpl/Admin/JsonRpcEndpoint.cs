using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Peerd.Xrpl.Hosting;

namespace Peerd.Xrpl.Admin;

/// <summary>
/// JSON-RPC over HTTP (rippled <c>ServerHandler::processRequest</c>): <c>{"method":…,"params":[{…}]}</c> in, and
/// <c>{"result":{…,"status":"success"|"error"}}</c> out with HTTP 200; malformed requests get rippled's plain-text
/// HTTP 400s, a non-admin calling an admin method HTTP 403 <c>Forbidden</c>.
/// </summary>
internal sealed class JsonRpcEndpoint(RpcDispatcher dispatcher, AdminAccess access, string serverName, ILogger log)
{
    public async Task HandleAsync(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress ?? IPAddress.None;
        var body = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        var why = "request too large";
        var request = body is null ? null : RpcEnvelope.TryParseObject(body, out why);
        if (request is null || request.Count == 0)
        {
            // rippled appends its JSON reader's complaint, which is empty for valid JSON that is not a non-empty object.
            await PlainAsync(context, 400, $"Unable to parse request: {(request is null ? why : string.Empty)}").ConfigureAwait(false);
            return;
        }

        request.TryGetPropertyValue("params", out var paramsNode);
        var first = paramsNode is JsonArray { Count: > 0 } array ? array[0] : null;
        if (first is JsonObject firstObject && RpcEnvelope.HasInvalidApiVersion(firstObject))
        {
            await PlainAsync(context, 400, "invalid_API_version").ConfigureAwait(false);
            return;
        }

        request.TryGetPropertyValue("method", out var methodNode);
        var method = methodNode?.GetValueKind() == JsonValueKind.String ? methodNode.GetValue<string>() : null;

        // The role comes before the method checks, as in rippled: credentials travel in params[0].
        var role = access.RoleOf(remote, first as JsonObject);
        if (dispatcher.RequiresAdmin(method) && role != RpcRole.Admin)
        {
            await PlainAsync(context, 403, "Forbidden").ConfigureAwait(false);
            return;
        }

        if (methodNode is null)
        {
            await PlainAsync(context, 400, "Null method").ConfigureAwait(false);
            return;
        }

        if (method is null)
        {
            await PlainAsync(context, 400, "method is not string").ConfigureAwait(false);
            return;
        }

        if (method.Length == 0)
        {
            await PlainAsync(context, 400, "method is empty").ConfigureAwait(false);
            return;
        }

        // "If the field "params" is empty, `params` is an empty object. Otherwise, that field must be an array of
        // length 1 (why?) and we take that first entry and validate that it's an object."
        JsonObject parameters;
        if (paramsNode is null)
        {
            parameters = [];
        }
        else if (paramsNode is not JsonArray { Count: 1 } || (first is not null && first is not JsonObject))
        {
            await PlainAsync(context, 400, "params unparsable").ConfigureAwait(false);
            return;
        }
        else
        {
            parameters = first is JsonObject o ? (JsonObject)o.DeepClone() : [];
        }

        if (parameters.TryGetPropertyValue("ripplerpc", out var rpcVersion) && rpcVersion?.GetValueKind() != JsonValueKind.String)
        {
            await PlainAsync(context, 400, "ripplerpc is not a string").ConfigureAwait(false);
            return;
        }

        // "Provide the JSON-RPC method as the field "command" in the request."
        parameters["command"] = method;
        var remoteText = $"{remote}:{context.Connection.RemotePort}";
        XrplLog.AdminRequest(log, "HTTP", remoteText, method, role.ToString());
        var call = new RpcCall(method, parameters, role, RpcTransport.Http, remoteText);
        var result = await dispatcher.InvokeAsync(call, context.RequestAborted).ConfigureAwait(false);
        if (RpcError.IsError(result))
        {
            result["status"] = "error";
            result["request"] = RpcEnvelope.MaskedCopy(parameters);
        }
        else
        {
            result["status"] = "success";
        }

        var reply = new JsonObject { ["result"] = result };
        foreach (var field in RpcEnvelope.EchoedFields)
        {
            if (parameters.TryGetPropertyValue(field, out var value))
            {
                reply[field] = value?.DeepClone();
            }
        }

        if (call.AfterResponse is { } after)
        {
            context.Response.OnCompleted(() =>
            {
                after();
                return Task.CompletedTask;
            });
        }

        // rippled writes the JSON, a newline, then its usual CRLF.
        await WriteAsync(context, 200, SortedJson.ToText(reply) + "\n").ConfigureAwait(false);
    }

    /// <summary>The page rippled serves for a plain <c>GET /</c> on a client port (load-balancer health check).</summary>
    public static Task StatusPageAsync(HttpContext context, string serverName)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/html";
        context.Response.Headers.Server = serverName;
        return context.Response.WriteAsync("<!DOCTYPE html><html><head><title>Test page for peerd</title></head><body><h1>Test</h1><p>This page shows peerd http(s) connectivity is working.</p></body></html>");
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > RpcEnvelope.MaxRequestSize)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private Task PlainAsync(HttpContext context, int status, string text) => WriteAsync(context, status, text);

    // rippled's HTTPReply: the content and CRLF, typed as JSON even for the plain-text errors.
    private Task WriteAsync(HttpContext context, int status, string content)
    {
        var bytes = Encoding.UTF8.GetBytes(content + "\r\n");
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        context.Response.Headers.Server = serverName;
        context.Response.ContentLength = bytes.Length;
        return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }
}
