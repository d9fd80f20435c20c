using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Peerd.Cli.Lightning;

namespace Peerd.Cli.Xrpl;

/// <summary>
/// <c>peerd-cli xrpl [options] &lt;command&gt; [args]</c>: rippled's command line against the XRPL admin port. Sends
/// <c>{"id":1,"method":…,"params":[{…,"api_version":1}]}</c> over HTTP JSON-RPC and prints the reply as rippled
/// does (<c>toStyledString</c>), with <c>peerd-cli</c>'s exit codes.
/// </summary>
public static class XrplCli
{
    /// <summary>The admin JSON-RPC address used when none is given (rippled's usual <c>[port_rpc_admin_local]</c>).</summary>
    public const string DefaultAdminAddress = "127.0.0.1:5005";

    /// <summary>Runs one command; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var address = DefaultAdminAddress;
        string? user = null;
        string? password = null;
        var i = 0;
        for (; i < args.Count && args[i].StartsWith('-'); i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                console.Out(Usage.Text);
                return ExitCodes.Ok;
            }

            if (arg == "--")
            {
                i++;
                break;
            }

            var eq = arg.IndexOf('=');
            var name = eq < 0 ? arg : arg[..eq];
            if (name is not ("--xrpl-admin-addr" or "--xrpl-admin-user" or "--xrpl-admin-password"))
            {
                console.Error($"{arg}: unrecognized option");
                return ExitCodes.Usage;
            }

            string value;
            if (eq >= 0)
            {
                value = arg[(eq + 1)..];
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                console.Error($"{name}: requires an argument");
                return ExitCodes.Usage;
            }

            switch (name)
            {
                case "--xrpl-admin-addr": address = value; break;
                case "--xrpl-admin-user": user = value; break;
                default: password = value; break;
            }
        }

        if (i >= args.Count)
        {
            console.Out(Usage.Text);
            return ExitCodes.Usage;
        }

        if (!XrplHttpClient.TryParseAddress(address, out var host, out var port))
        {
            console.Error($"--xrpl-admin-addr: expected host:port, got '{address}'");
            return ExitCodes.Usage;
        }

        var command = args[i];
        var commandArgs = args.Skip(i + 1).ToList();
        return Call(console, command, commandArgs, host, port, user, password);
    }

    private static int Call(CliConsole console, string command, List<string> commandArgs, string host, int port, string? user, string? password)
    {
        var request = XrplCommands.TryParse(command, commandArgs, out var parseError);
        if (request is null)
        {
            if (parseError!["error"]!.GetValue<string>() == "badSyntax")
            {
                // rippled adds how it saw the command, and the status.
                parseError["rpc"] = new JsonObject { ["method"] = command, ["params"] = ToArray(commandArgs) };
                parseError["status"] = "error";
            }

            console.Out(StyledJsonWriter.Write(parseError));
            return ExitCodes.Usage;
        }

        if (user is not null)
        {
            request["admin_user"] = user;
        }

        if (password is not null)
        {
            request["admin_password"] = password;
        }

        var body = RequestBody(command, request);
        XrplHttpReply reply;
        try
        {
            reply = XrplHttpClient.Post(Resolve(host, port), XrplHttpClient.BuildRequest(host, body, user ?? string.Empty, password ?? string.Empty));
        }
        catch (SocketException e)
        {
            console.Error($"Connecting to {FormatAddress(host, port)}: {SocketErrorText.Describe(e)}");
            return ExitCodes.TalkFailed;
        }
        catch (InvalidDataException e)
        {
            console.Error($"{FormatAddress(host, port)}: {e.Message}");
            return ExitCodes.TalkFailed;
        }

        return PrintReply(console, reply, command, commandArgs, request);
    }

    /// <summary>The request body exactly as rippled writes it: <c>FastWriter</c> (compact, keys sorted) plus a newline.</summary>
    public static string RequestBody(string method, JsonObject request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var envelope = new JsonObject
        {
            ["id"] = 1,
            ["method"] = method,
            ["params"] = new JsonArray(request.DeepClone()),
        };
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteSorted(writer, envelope);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static int PrintReply(CliConsole console, XrplHttpReply reply, string command, List<string> commandArgs, JsonObject request)
    {
        if (reply.Body.StartsWith("Unable to parse request", StringComparison.Ordinal))
        {
            console.Out(StyledJsonWriter.Write(XrplErrors.InvalidParams(reply.Body)));
            return ExitCodes.RpcError;
        }

        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(reply.Body);
        }
        catch (JsonException)
        {
            parsed = null;
        }

        if (parsed is not JsonObject output || output.Count == 0)
        {
            var what = parsed is null && reply.Body.Length > 0
                ? "couldn't parse reply from server"
                : "expected reply to have result, error and id properties";
            console.Out(StyledJsonWriter.Write(XrplErrors.Internal(what)));
            return reply.Status == 200 ? ExitCodes.TalkFailed : ExitCodes.RpcError;
        }

        if (output.ContainsKey("error"))
        {
            output["rpc"] = new JsonObject { ["method"] = command, ["params"] = ToArray(commandArgs) };
            output["request_sent"] = request.DeepClone();
            output["status"] = "error";
        }

        console.Out(StyledJsonWriter.Write(output));
        return IsError(output) ? ExitCodes.RpcError : ExitCodes.Ok;
    }

    private static bool IsError(JsonObject output) =>
        output.ContainsKey("error")
        || (output["result"] is JsonObject result
            && (result.ContainsKey("error") || (result["status"] is JsonValue status && status.GetValueKind() == JsonValueKind.String && status.GetValue<string>() == "error")));

    private static EndPoint Resolve(string host, int port) =>
        IPAddress.TryParse(host, out var ip)
            ? new IPEndPoint(ip, port)
            : new IPEndPoint(Dns.GetHostAddresses(host)[0], port);

    private static string FormatAddress(string host, int port) => host.Contains(':') ? $"[{host}]:{port}" : $"{host}:{port}";

    private static JsonArray ToArray(List<string> values)
    {
        var array = new JsonArray();
        foreach (var value in values)
        {
            array.Add((JsonNode?)JsonValue.Create(value));
        }

        return array;
    }

    private static void WriteSorted(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, child) in obj.OrderBy(m => m.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    WriteSorted(writer, child);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var child in array)
                {
                    WriteSorted(writer, child);
                }

                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
