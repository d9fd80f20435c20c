using System.Text.Json.Nodes;

namespace Peerd.Xrpl.Admin;

/// <summary>
/// An error of the rippled admin API: its token, its stable numeric code and its default message (rippled
/// <c>ErrorCodes.cpp</c>). Clients match on the token or the code, never on the message.
/// </summary>
/// <param name="Token">The <c>error</c> field, e.g. <c>invalidParams</c>.</param>
/// <param name="Code">The <c>error_code</c> field.</param>
/// <param name="Message">The default <c>error_message</c>.</param>
public sealed record RpcError(string Token, int Code, string Message)
{
    /// <summary>badSyntax (1).</summary>
    public static readonly RpcError BadSyntax = new("badSyntax", 1, "Syntax error.");

    /// <summary>forbidden (3): a non-admin caller of an admin method (WebSocket).</summary>
    public static readonly RpcError Forbidden = new("forbidden", 3, "Bad credentials.");

    /// <summary>noPermission (6).</summary>
    public static readonly RpcError NoPermission = new("noPermission", 6, "You don't have permission for this command.");

    /// <summary>notSynced (18): network commands in stand-alone mode.</summary>
    public static readonly RpcError NotSynced = new("notSynced", 18, "Not synced to the network.");

    /// <summary>invalidParams (31).</summary>
    public static readonly RpcError InvalidParams = new("invalidParams", 31, "Invalid parameters.");

    /// <summary>unknownCmd (32).</summary>
    public static readonly RpcError UnknownCommand = new("unknownCmd", 32, "Unknown method.");

    /// <summary>publicMalformed (62).</summary>
    public static readonly RpcError PublicMalformed = new("publicMalformed", 62, "Public key is malformed.");

    /// <summary>malformedStream (39).</summary>
    public static readonly RpcError MalformedStream = new("malformedStream", 39, "Stream malformed.");

    /// <summary><c>rpcNOT_SUPPORTED</c>.</summary>
    public static readonly RpcError NotSupported = new("notSupported", 75, "Operation not supported.");

    /// <summary><c>rpcINTERNAL</c>.</summary>
    public static readonly RpcError Internal = new("internal", 73, "Internal error.");

    /// <summary>reportingUnsupported (91).</summary>
    public static readonly RpcError ReportingUnsupported = new("reportingUnsupported", 91, "Requested operation not supported by reporting mode server");

    /// <summary>
    /// connectFailed (1001), ours: <c>connect</c> with <c>"wait": true</c> reports a failed dial. Codes from 1000 up are
    /// Peerd's extensions and never collide with rippled's.
    /// </summary>
    public static readonly RpcError ConnectFailed = new("connectFailed", 1001, "Connection failed.");

    /// <summary>The error object <c>{"error", "error_code", "error_message"}</c>, with an optional specific message.</summary>
    public JsonObject ToJson(string? message = null) => new()
    {
        ["error"] = Token,
        ["error_code"] = Code,
        ["error_message"] = message ?? Message,
    };

    /// <summary>rippled <c>missing_field_error</c>: invalidParams "Missing field 'x'.".</summary>
    public static JsonObject MissingField(string name) => InvalidParams.ToJson($"Missing field '{name}'.");

    /// <summary>rippled <c>expected_field_error</c>: invalidParams "Invalid field 'x', not y.".</summary>
    public static JsonObject ExpectedField(string name, string type) => InvalidParams.ToJson($"Invalid field '{name}', not {type}.");

    /// <summary>rippled <c>invalid_field_error</c>: invalidParams "Invalid field 'x'.".</summary>
    public static JsonObject InvalidField(string name) => InvalidParams.ToJson($"Invalid field '{name}'.");

    /// <summary>True when a result object is an error.</summary>
    public static bool IsError(JsonObject result) => result?.ContainsKey("error") == true;
}
