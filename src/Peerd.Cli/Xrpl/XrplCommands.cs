using System.Text.Json.Nodes;

namespace Peerd.Cli.Xrpl;

/// <summary>
/// rippled's command-line argument rules (<c>RPCCall.cpp</c> <c>RPCParser</c>) for the commands Peerd serves: each
/// command's argument count, and how the arguments become the request object.
/// </summary>
public static class XrplCommands
{
    /// <summary>rippled's <c>RPC::apiCommandLineVersion</c>, inserted into every request.</summary>
    public const int ApiVersion = 1;

    private static readonly Dictionary<string, (int Min, int Max, Func<IReadOnlyList<string>, JsonObject> Parse)> Commands =
        new(StringComparer.Ordinal)
        {
            ["connect"] = (1, 2, ParseConnect),
            ["connections"] = (0, 0, ParseAsIs),
            ["consensus_info"] = (0, 0, ParseAsIs),
            ["peers"] = (0, 0, ParseAsIs),
            ["ping"] = (0, 0, ParseAsIs),
            ["server_info"] = (0, 1, ParseServerInfo),
            ["server_state"] = (0, 1, ParseServerInfo),
            ["stop"] = (0, 0, ParseAsIs),
            ["version"] = (0, 0, ParseAsIs),
        };

    /// <summary>
    /// Turns <paramref name="command"/> and its arguments into the request object (<c>params[0]</c>), with
    /// <c>api_version</c> added. Returns null and sets <paramref name="error"/> to rippled's error object when the
    /// arguments are wrong: <c>badSyntax</c> for a wrong count, <c>internal</c> when a number does not parse.
    /// </summary>
    public static JsonObject? TryParse(string command, IReadOnlyList<string> args, out JsonObject? error)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(args);
        error = null;
        JsonObject request;
        if (Commands.TryGetValue(command, out var rule))
        {
            if (args.Count < rule.Min || args.Count > rule.Max)
            {
                error = XrplErrors.BadSyntax();
                return null;
            }

            try
            {
                request = rule.Parse(args);
            }
            catch (FormatException)
            {
                error = XrplErrors.Internal("std::bad_cast");
                return null;
            }
        }
        else
        {
            // rippled's command line passes unknown commands through as-is.
            request = ParseAsIs(args);
        }

        request["api_version"] = ApiVersion;
        return request;
    }

    /// <summary><c>connect &lt;ip[:port]&gt; [port]</c>.</summary>
    private static JsonObject ParseConnect(IReadOnlyList<string> args)
    {
        var ip = args[0];
        if (args.Count == 2)
        {
            return new JsonObject { ["ip"] = ip, ["port"] = ParseUInt(args[1]) };
        }

        // One argument with exactly one ':' is ip:port; anything else (an IPv6 address) is the ip alone.
        if (ip.Count(c => c == ':') == 1)
        {
            var colon = ip.LastIndexOf(':');
            return new JsonObject { ["ip"] = ip[..colon], ["port"] = ParseUInt(ip[(colon + 1)..]) };
        }

        return new JsonObject { ["ip"] = ip };
    }

    /// <summary><c>server_info [counters]</c>.</summary>
    private static JsonObject ParseServerInfo(IReadOnlyList<string> args) =>
        args.Count == 1 && args[0] == "counters" ? new JsonObject { ["counters"] = true } : new JsonObject();

    /// <summary><c>parseAsIs</c>: any arguments go into a <c>params</c> array.</summary>
    private static JsonObject ParseAsIs(IReadOnlyList<string> args)
    {
        var request = new JsonObject();
        if (args.Count > 0)
        {
            var list = new JsonArray();
            foreach (var arg in args)
            {
                list.Add((JsonNode?)JsonValue.Create(arg));
            }

            request["params"] = list;
        }

        return request;
    }

    /// <summary><c>Json::Value::asUInt</c> of a string: <c>lexicalCastThrow&lt;unsigned int&gt;</c>.</summary>
    private static uint ParseUInt(string text)
    {
        if (text.Length == 0 || text.AsSpan().ContainsAnyExceptInRange('0', '9') || !uint.TryParse(text, out var value))
        {
            throw new FormatException($"'{text}' is not an unsigned integer");
        }

        return value;
    }
}
