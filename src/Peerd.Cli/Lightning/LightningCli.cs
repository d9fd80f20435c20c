using System.Text;
using Peerd.Cli.Json;
using Peerd.Cli.Output;

namespace Peerd.Cli.Lightning;

/// <summary>
/// <c>peerd-cli &lt;command&gt; [params]</c>: one call over the <c>lightning-rpc</c> socket, with
/// <c>lightning-cli</c>'s options, request shape, output and exit codes.
/// </summary>
public static class LightningCli
{
    /// <summary>Runs one command; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (!LightningArguments.TryParse(args, out var options, out var usageError))
        {
            console.Error(usageError!);
            return ExitCodes.Usage;
        }

        if (options.ShowHelp)
        {
            console.Out(Usage.Text);
            return ExitCodes.Ok;
        }

        if (options.ShowVersion)
        {
            console.Out($"{Usage.ProgramName} {CliApp.Version}\n");
            return ExitCodes.Ok;
        }

        if (options.Notifications is { } level && level != "none" && !IsLogLevel(level))
        {
            console.Error($"-N: Invalid level");
            return ExitCodes.Usage;
        }

        var method = options.Arguments.Count > 0 ? options.Arguments[0] : null;
        if (method is null)
        {
            console.Out(Usage.Text + "\n");
            console.Out($"Querying the daemon for available RPC commands (\"{Usage.ProgramName} help\"):\n\n");
            method = "help";
        }

        var parameters = options.Arguments.Count > 1 ? options.Arguments.GetRange(1, options.Arguments.Count - 1) : [];

        // A request that cannot be built is a usage error whether or not the daemon is there.
        var id = RequestBuilder.RequestId(method, console.ProcessId);
        if (!RequestBuilder.TryBuild(method, parameters, options.Input, id, options.Filter, out var request, out var buildError))
        {
            console.Error(buildError!);
            return ExitCodes.Usage;
        }

        if (!RequestBuilder.IsWellFormed(request))
        {
            console.Error($"Some parameters are malformed, cannot create a valid JSON-RPC request: {request}");
            return ExitCodes.Usage;
        }

        var socketPath = SocketPath(options, console.HomeDirectory);
        RpcSocketClient client;
        try
        {
            client = RpcSocketClient.Connect(socketPath);
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            console.Error($"Connecting to '{socketPath}': {e.Message}");
            return ExitCodes.TalkFailed;
        }

        using (client)
        {
            return Call(client, console, options, method, parameters, request, id);
        }
    }

    /// <summary>
    /// The socket: <c>--rpc-file</c> if absolute, else <c>&lt;lightning-dir&gt;/&lt;network&gt;/&lt;rpc-file&gt;</c>
    /// (defaults <c>~/.peerd</c>, <c>bitcoin</c>, <c>lightning-rpc</c>), with the config file filling what the
    /// command line leaves out.
    /// </summary>
    public static string SocketPath(LightningOptions options, string homeDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var baseDir = Path.GetFullPath(options.LightningDirGiven ? options.LightningDir : Path.Combine(homeDirectory, ".peerd"));
        var config = ClnConfig.Read(options.ConfigFile ?? Path.Combine(baseDir, "config"));
        var network = options.Network ?? config.Network ?? "bitcoin";
        var rpcFile = options.RpcFile ?? config.RpcFile ?? "lightning-rpc";
        return Path.IsPathRooted(rpcFile) ? rpcFile : Path.Combine(baseDir, network, rpcFile);
    }

    private static int Call(RpcSocketClient client, CliConsole console, LightningOptions options, string method, List<string> parameters, string request, string id)
    {
        var notify = options.Notifications is { } level && level != "none";
        try
        {
            if (notify)
            {
                EnableNotifications(client, console.ProcessId);
            }

            client.Send(request);
            var response = ReadResponse(client, console, notify ? options.Notifications : null);
            return response is null ? ExitCodes.TalkFailed : Print(console, response, options, method, parameters, id);
        }
        catch (UnixSocketException e)
        {
            console.Error($"reading response: {e.Message}");
            return ExitCodes.TalkFailed;
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            console.Error(e.Message);
            return ExitCodes.TalkFailed;
        }
    }

    private static void EnableNotifications(RpcSocketClient client, int processId)
    {
        client.Send($"{{\"jsonrpc\":\"2.0\",\"method\":\"notifications\",\"id\":\"cli:notifications#{processId}\",\"params\":{{\"enable\":true}}}}");

        // Its answer (even an error, if the daemon has no notifications) is only waited for.
        _ = client.ReadValue() ?? throw new IOException("Reading enable response: socket closed");
    }

    /// <summary>Reads values until one is not a notification; prints notifications when asked to.</summary>
    private static RawNode? ReadResponse(RpcSocketClient client, CliConsole console, string? notificationLevel)
    {
        while (true)
        {
            var node = client.ReadValue();
            if (node is null)
            {
                console.Error("reading response: socket closed");
                return null;
            }

            if (!node.IsObject)
            {
                console.Error($"Non-object response '{node.Raw}'");
                return null;
            }

            if (node.Get("id") is null && node.Get("method") is { } notification && node.Get("params") is { } notificationParams)
            {
                if (notificationLevel is not null && notification.IsString("message"))
                {
                    PrintMessage(console, notificationParams, notificationLevel);
                }

                continue;
            }

            return node;
        }
    }

    private static int Print(CliConsole console, RawNode response, LightningOptions options, string method, List<string> parameters, string id)
    {
        var rawText = response.Raw;
        var result = response.Get("result");
        var error = response.Get("error");
        if (result is null && error is null)
        {
            console.Error($"Either 'result' or 'error' must be returned in response '{rawText}'");
            return ExitCodes.TalkFailed;
        }

        var responseId = response.Get("id");
        if (responseId is null)
        {
            console.Error($"Missing 'id' in response '{rawText}'");
            return ExitCodes.TalkFailed;
        }

        if (!responseId.IsString(id))
        {
            console.Error($"Incorrect 'id' ({responseId.Raw}) in response: {rawText}");
            return ExitCodes.TalkFailed;
        }

        var output = new StringBuilder(256);
        if (error is null || error.IsNull)
        {
            var helpTopic = method == "help" && options.Format == OutputFormat.Default && parameters.Count > 0 ? parameters[0] : null;
            switch (ChooseFormat(result!, options.Format, method, helpTopic))
            {
                case OutputFormat.HelpList:
                    ClnPrinters.HelpList(output, result!, Usage.ProgramName);
                    break;
                case OutputFormat.Human:
                    ClnPrinters.Human(output, result!);
                    break;
                case OutputFormat.Flat:
                    ClnPrinters.Flat(output, result!);
                    break;
                case OutputFormat.Raw:
                    output.Append(result!.Raw).Append('\n');
                    break;
                default:
                    ClnPrinters.Json(output, result!);
                    output.Append('\n');
                    break;
            }

            console.Out(output.ToString());
            return ExitCodes.Ok;
        }

        if (options.Format == OutputFormat.Raw)
        {
            output.Append(error.Raw).Append('\n');
        }
        else
        {
            ClnPrinters.Json(output, error);
            output.Append('\n');
        }

        console.Out(output.ToString());
        return ExitCodes.RpcError;
    }

    /// <summary><c>choose_format</c>: an explicit format wins; <c>help</c> alone lists; a <c>format-hint</c> of <c>simple</c> means human output.</summary>
    private static OutputFormat ChooseFormat(RawNode result, OutputFormat format, string method, string? helpTopic)
    {
        if (format != OutputFormat.Default)
        {
            if (format == OutputFormat.Human)
            {
                DeleteFormatHint(result);
            }

            return format;
        }

        return method == "help" && helpTopic is null ? OutputFormat.HelpList : DeleteFormatHint(result);
    }

    private static OutputFormat DeleteFormatHint(RawNode result)
    {
        var hint = result.IsObject ? result.Get("format-hint") : null;
        if (hint is null)
        {
            return OutputFormat.Json;
        }

        result.Remove("format-hint");
        return hint.IsString("simple") ? OutputFormat.Human : OutputFormat.Json;
    }

    private static void PrintMessage(CliConsole console, RawNode parameters, string minimumLevel)
    {
        var level = parameters.Get("level")?.Content;
        var message = parameters.Get("message");
        if (level is null || message is null || Rank(level) < Rank(minimumLevel))
        {
            return;
        }

        console.Out($"# {message.Content}\n");
    }

    private static bool IsLogLevel(string level) => Rank(level) >= 0;

    private static int Rank(string level) => level.ToLowerInvariant() switch
    {
        "io" => 0,
        "trace" => 1,
        "debug" => 2,
        "info" => 3,
        "unusual" or "warn" => 4,
        "broken" or "error" => 5,
        _ => -1,
    };
}
