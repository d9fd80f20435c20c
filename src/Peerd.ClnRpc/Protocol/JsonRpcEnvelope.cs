using System.Text.Json;

namespace Peerd.ClnRpc.Protocol;

/// <summary>
/// The validated outer shape of one request: its id (raw JSON, echoed verbatim), its method name (raw) and its
/// <c>params</c> value. The elements belong to the request's <see cref="JsonDocument"/>.
/// </summary>
/// <param name="IdJson">The id token exactly as sent: <c>"cli:getinfo#12"</c> keeps its quotes, <c>7</c> stays a number.</param>
/// <param name="Method">The method name's raw text (escapes not decoded, as Core Lightning compares it).</param>
/// <param name="Params">The <c>params</c> value (any kind; the dispatcher checks it after the method lookup).</param>
public readonly record struct JsonRpcEnvelope(string IdJson, string Method, JsonElement Params);

/// <summary>Why a request was refused before reaching a method, and what to do with the connection.</summary>
/// <param name="Error">The error to answer.</param>
/// <param name="IdJson">The id to echo: <c>null</c> until the id itself has been validated.</param>
/// <param name="CloseConnection">Core Lightning half-closes after this error (a request without <c>jsonrpc</c>).</param>
public sealed record JsonRpcRejection(RpcError Error, string IdJson, bool CloseConnection = false);
