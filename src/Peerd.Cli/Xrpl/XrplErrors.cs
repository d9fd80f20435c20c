using System.Text.Json.Nodes;

namespace Peerd.Cli.Xrpl;

/// <summary>rippled's error objects (<c>RPC::make_error</c>) that its command line prints itself.</summary>
public static class XrplErrors
{
    /// <summary><c>badSyntax</c> (1): wrong number of arguments.</summary>
    public static JsonObject BadSyntax() => Make("badSyntax", 1, "Syntax error.");

    /// <summary><c>internal</c> (73) with <c>error_what</c>, as rippled prints a client-side exception.</summary>
    public static JsonObject Internal(string what)
    {
        var error = Make("internal", 73, "Internal error.");
        error["error_what"] = what;
        return error;
    }

    /// <summary><c>invalidParams</c> (31) with <c>error_what</c>: the server refused the request as unparsable.</summary>
    public static JsonObject InvalidParams(string what)
    {
        var error = Make("invalidParams", 31, "Invalid parameters.");
        error["error_what"] = what;
        return error;
    }

    private static JsonObject Make(string token, int code, string message) => new()
    {
        ["error"] = token,
        ["error_code"] = code,
        ["error_message"] = message,
    };
}
