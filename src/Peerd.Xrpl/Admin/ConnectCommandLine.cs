using System.Globalization;
using System.Text.Json.Nodes;

namespace Peerd.Xrpl.Admin;

/// <summary>
/// The command-line form of <c>connect</c> (rippled <c>RPCCall.cpp</c> <c>parseConnect</c>), for a CLI that speaks the
/// rippled dialect: <c>connect &lt;ip[:port]&gt; [port]</c>. Two arguments give <c>{"ip":a,"port":n}</c>; one
/// argument with exactly one <c>:</c> is split into ip and port; other counts are <c>badSyntax</c>.
/// </summary>
public static class ConnectCommandLine
{
    /// <summary>Builds the request parameters, or the error object to print.</summary>
    public static bool TryParse(IReadOnlyList<string> arguments, out JsonObject parameters, out JsonObject? error)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        parameters = [];
        error = null;
        if (arguments.Count is < 1 or > 2)
        {
            error = RpcError.BadSyntax.ToJson();
            return false;
        }

        var ip = arguments[0];
        string? port = null;
        if (arguments.Count == 2)
        {
            port = arguments[1];
        }
        else if (ip.Count(c => c == ':') == 1)
        {
            var colon = ip.LastIndexOf(':');
            port = ip[(colon + 1)..];
            ip = ip[..colon];
        }

        parameters["ip"] = ip;
        if (port is not null)
        {
            if (!uint.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                error = RpcError.InvalidParams.ToJson();
                return false;
            }

            parameters["port"] = number;
        }

        return true;
    }
}
