using Peerd.Cli.Output;

namespace Peerd.Cli.Lightning;

/// <summary>
/// Parses the command line as <c>lightning-cli</c> (ccan/opt) does: options may appear anywhere before a <c>--</c>,
/// long options take their value as <c>--name=value</c> or as the next argument, short flags may be combined
/// (<c>-kH</c>). So, as there, a parameter that starts with <c>-</c> must come after <c>--</c>.
/// </summary>
public static class LightningArguments
{
    private static readonly Dictionary<string, string> NetworkShortcuts = new(StringComparer.Ordinal)
    {
        ["--testnet"] = "testnet",
        ["--testnet4"] = "testnet4",
        ["--signet"] = "signet",
        ["--mainnet"] = "bitcoin",
        ["--regtest"] = "regtest",
    };

    /// <summary>Parses <paramref name="args"/>; on failure <paramref name="error"/> says why (exit code 3).</summary>
    public static bool TryParse(IReadOnlyList<string> args, out LightningOptions options, out string? error)
    {
        options = new LightningOptions();
        error = null;
        var optionsEnded = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (optionsEnded || arg.Length < 2 || arg[0] != '-')
            {
                options.Arguments.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                optionsEnded = true;
                continue;
            }

            error = arg.StartsWith("--", StringComparison.Ordinal)
                ? ParseLong(args, ref i, options)
                : ParseShort(args, ref i, options);
            if (error is not null)
            {
                return false;
            }
        }

        error = Validate(options);
        return error is null;
    }

    /// <summary>
    /// Values a call cannot use, refused before anything else (Core Lightning's <c>lightning-cli</c> aborts on an
    /// empty <c>--lightning-dir=</c> or <c>--rpc-file=</c>; here each is a usage error).
    /// </summary>
    private static string? Validate(LightningOptions options)
    {
        if (options.LightningDirGiven && string.IsNullOrWhiteSpace(options.LightningDir))
        {
            return "--lightning-dir: requires a non-empty directory";
        }

        if (options.RpcFile is { } rpcFile && string.IsNullOrWhiteSpace(rpcFile))
        {
            return "--rpc-file: requires a non-empty path";
        }

        if (options.ConfigFile is { } conf && (string.IsNullOrWhiteSpace(conf) || !File.Exists(conf)))
        {
            return $"Opening and reading {conf}: {(Directory.Exists(conf) ? "Is a directory" : "No such file or directory")}";
        }

        if (options.Network is { } network && !KnownNetworks.Contains(network))
        {
            return $"--network={network}: Unknown network name '{network}'";
        }

        foreach (var path in new[] { options.LightningDir, options.RpcFile ?? "", options.ConfigFile ?? "" })
        {
            if (path.Contains('\0', StringComparison.Ordinal))
            {
                return "a path contains a NUL character";
            }
        }

        return null;
    }

    /// <summary>The network names Core Lightning's <c>chainparams</c> knows.</summary>
    private static readonly HashSet<string> KnownNetworks = new(StringComparer.Ordinal)
    {
        "bitcoin", "testnet", "testnet4", "signet", "regtest", "liquid", "liquid-regtest",
    };

    private static string? ParseLong(IReadOnlyList<string> args, ref int i, LightningOptions options)
    {
        var arg = args[i];
        var eq = arg.IndexOf('=');
        var name = eq < 0 ? arg : arg[..eq];
        string? inline = eq < 0 ? null : arg[(eq + 1)..];

        if (NetworkShortcuts.TryGetValue(name, out var network))
        {
            options.Network = network;
            return inline is null ? null : $"{name}: doesn't allow an argument";
        }

        switch (name)
        {
            case "--help": options.ShowHelp = true; return NoArgument(name, inline);
            case "--version": options.ShowVersion = true; return NoArgument(name, inline);
            case "--human-readable": options.Format = OutputFormat.Human; return NoArgument(name, inline);
            case "--flat": options.Format = OutputFormat.Flat; return NoArgument(name, inline);
            case "--json": options.Format = OutputFormat.Json; return NoArgument(name, inline);
            case "--raw": options.Format = OutputFormat.Raw; return NoArgument(name, inline);
            case "--keywords": options.Input = InputMode.Keywords; return NoArgument(name, inline);
            case "--order": options.Input = InputMode.Ordered; return NoArgument(name, inline);
        }

        var value = inline;
        if (value is null)
        {
            if (!IsValueOption(name))
            {
                return $"{arg}: unrecognized option";
            }

            if (i + 1 >= args.Count)
            {
                return $"{name}: requires an argument";
            }

            value = args[++i];
        }

        return Assign(name, value, options) ? null : $"{arg}: unrecognized option";
    }

    private static string? ParseShort(IReadOnlyList<string> args, ref int i, LightningOptions options)
    {
        var arg = args[i];
        for (var k = 1; k < arg.Length; k++)
        {
            switch (arg[k])
            {
                case 'h': options.ShowHelp = true; break;
                case 'H': options.Format = OutputFormat.Human; break;
                case 'F': options.Format = OutputFormat.Flat; break;
                case 'J': options.Format = OutputFormat.Json; break;
                case 'R': options.Format = OutputFormat.Raw; break;
                case 'k': options.Input = InputMode.Keywords; break;
                case 'o': options.Input = InputMode.Ordered; break;
                case 'N':
                case 'l':
                {
                    // Takes the rest of this argument, or the next one.
                    var value = k + 1 < arg.Length ? arg[(k + 1)..] : i + 1 < args.Count ? args[++i] : null;
                    if (value is null)
                    {
                        return $"-{arg[k]}: requires an argument";
                    }

                    return Assign(arg[k] == 'N' ? "--notifications" : "--filter", value, options) ? null : $"-{arg[k]}: unrecognized option";
                }

                default:
                    return $"{arg}: unrecognized option";
            }
        }

        return null;
    }

    private static bool IsValueOption(string name) => name is "--lightning-dir" or "--network" or "--rpc-file" or "--conf"
        or "--notifications" or "--filter";

    private static bool Assign(string name, string value, LightningOptions options)
    {
        switch (name)
        {
            case "--lightning-dir":
                options.LightningDir = value;
                options.LightningDirGiven = true;
                return true;
            case "--network":
                options.Network = value;
                return true;
            case "--rpc-file":
                options.RpcFile = value;
                return true;
            case "--conf":
                options.ConfigFile = value;
                return true;
            case "--notifications":
                options.Notifications = value;
                return true;
            case "--filter":
                options.Filter = value;
                return true;
            default:
                return false;
        }
    }

    private static string? NoArgument(string name, string? inline) =>
        inline is null ? null : $"{name}: doesn't allow an argument";
}
