using System.Globalization;

namespace Peerd.Load;

/// <summary>The load tool's command line (<c>peerd-load --help</c>).</summary>
internal sealed class LoadOptions
{
    /// <summary>The daemon to start: <c>dotnet &lt;peerd.dll&gt;</c>.</summary>
    public string PeerdDll { get; private set; } = "";

    /// <summary>The published <c>peerd-cli</c>.</summary>
    public string Cli { get; private set; } = "";

    /// <summary>Where server.js and client.js are; empty to skip node-lightning.</summary>
    public string NodeDirectory { get; private set; } = "";

    /// <summary>Seconds per handshake or throughput run.</summary>
    public double Seconds { get; private set; } = 3;

    /// <summary>Peers held in the hold run.</summary>
    public int HoldPeers { get; private set; } = 10_000;

    /// <summary>Seconds of the hold.</summary>
    public double HoldSeconds { get; private set; } = 60;

    /// <summary><c>--ping-idle-secs</c> of the daemon in the hold.</summary>
    public int PingIdleSeconds { get; private set; } = 30;

    /// <summary>connect/disconnect cycles over the persistent RPC socket.</summary>
    public int RpcCycles { get; private set; } = 1_000;

    /// <summary>connect cycles through peerd-cli.</summary>
    public int CliCycles { get; private set; } = 50;

    /// <summary>Source addresses 127.0.0.2 …</summary>
    public int Sources { get; private set; } = 200;

    /// <summary>Handshake concurrencies.</summary>
    public IReadOnlyList<int> Concurrency { get; private set; } = [1, 4, 16, 64];

    /// <summary>Scenarios to run.</summary>
    public ISet<string> Only { get; private set; } = new HashSet<string>(AllScenarios);

    /// <summary>Write the table (Markdown) here too.</summary>
    public string? MarkdownFile { get; private set; }

    /// <summary>Every scenario name.</summary>
    public static IReadOnlyList<string> AllScenarios { get; } = ["secp", "handshakes", "messages", "node", "rpc", "cli", "hold"];

    /// <summary>The usage text.</summary>
    public static string Usage => """
        peerd-load: drives peerd daemons over loopback and prints one table (Markdown).
          --peerd=<peerd.dll>        daemon to start (default artifacts/peerd/peerd.dll)
          --cli=<peerd-cli>          published CLI (default artifacts/peerd-cli/peerd-cli)
          --node-dir=<dir>           node-lightning scripts (default bench/node); --no-node to skip
          --seconds=<s>              per handshake/throughput run (3)
          --hold-peers=<n>           peers held at once (10000)
          --hold-secs=<s>            how long they are held (60)
          --ping-idle-secs=<s>       the hold daemon's ping idle time (30)
          --rpc-cycles=<n>           connect/disconnect cycles over one RPC socket, after 5,000 untimed (1000)
          --cli-cycles=<n>           connect cycles through peerd-cli (50)
          --sources=<n>              source addresses 127.0.0.2… (200)
          --concurrency=1,4,16,64    handshake concurrencies
          --only=a,b                 scenarios: secp,handshakes,messages,node,rpc,cli,hold
          --markdown=<file>          also write the table to <file>
          --daemon-env=NAME=VALUE    an environment variable for the daemons (repeatable; for experiments)
          --daemon-arg=--opt=value   an extra option for the daemons (repeatable; for experiments)
        """;

    /// <summary>Parses <paramref name="args"/>; null with a message on a bad option.</summary>
    public static LoadOptions? Parse(string[] args, string? repoRoot, out string? error)
    {
        error = null;
        var options = new LoadOptions();
        if (repoRoot is not null)
        {
            options.PeerdDll = Path.Combine(repoRoot, "artifacts", "peerd", "peerd.dll");
            options.Cli = Path.Combine(repoRoot, "artifacts", "peerd-cli", "peerd-cli");
            options.NodeDirectory = Path.Combine(repoRoot, "bench", "node");
        }

        foreach (var arg in args)
        {
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? arg : arg[..eq];
            var value = eq < 0 ? "" : arg[(eq + 1)..];
            switch (name)
            {
                case "--peerd": options.PeerdDll = Path.GetFullPath(value); break;
                case "--cli": options.Cli = Path.GetFullPath(value); break;
                case "--node-dir": options.NodeDirectory = Path.GetFullPath(value); break;
                case "--no-node": options.NodeDirectory = ""; break;
                case "--seconds": options.Seconds = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--hold-peers": options.HoldPeers = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--hold-secs": options.HoldSeconds = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--ping-idle-secs": options.PingIdleSeconds = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--rpc-cycles": options.RpcCycles = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--cli-cycles": options.CliCycles = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--sources": options.Sources = Math.Clamp(int.Parse(value, CultureInfo.InvariantCulture), 1, 250); break;
                case "--concurrency": options.Concurrency = [.. value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))]; break;
                case "--only": options.Only = new HashSet<string>(value.Split(',')); break;
                case "--markdown": options.MarkdownFile = Path.GetFullPath(value); break;
                case "--daemon-arg": Infrastructure.DaemonProcess.Arguments.Add(value); break;
                case "--daemon-env" when value.Contains('=', StringComparison.Ordinal):
                    Infrastructure.DaemonProcess.Environment.Add((value[..value.IndexOf('=', StringComparison.Ordinal)], value[(value.IndexOf('=', StringComparison.Ordinal) + 1)..]));
                    break;
                default:
                    error = $"unknown option {arg}";
                    return null;
            }
        }

        if (options.Only.FirstOrDefault(s => !AllScenarios.Contains(s)) is { } unknown)
        {
            error = $"unknown scenario {unknown}";
            return null;
        }

        return options;
    }
}
