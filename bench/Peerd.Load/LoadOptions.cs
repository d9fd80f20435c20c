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

    /// <summary>connect/disconnect cycles over the persistent RPC socket at steady state.</summary>
    public int RpcCycles { get; private set; } = 1_000;

    /// <summary>Untimed back-to-back cycles before the steady state.</summary>
    public int WarmUpCycles { get; private set; } = 5_000;

    /// <summary>Cycles of fresh nodes with 5 ms idle between them.</summary>
    public int IdleCycles { get; private set; } = 200;

    /// <summary>Cycles of fresh nodes with 1 s idle between them (0: skipped).</summary>
    public int LongIdleCycles { get; private set; } = 60;

    /// <summary>The command that starts a Core Lightning node (null: <c>PEERD_CLN_START</c>).</summary>
    public string? ClnStart { get; private set; }

    /// <summary>Core Lightning's <c>lightning-cli</c> (null: <c>LIGHTNING_CLI</c>).</summary>
    public string? LightningCli { get; private set; }

    /// <summary>The <c>./peerd-cli</c> wrapper users type.</summary>
    public string CliWrapper { get; private set; } = "";

    /// <summary>Calls per command through peerd-cli and lightning-cli.</summary>
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
    public static IReadOnlyList<string> AllScenarios { get; } = ["secp", "handshakes", "messages", "echo", "node", "rpc", "cli", "hold"];

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
          --idle-cycles=<n>          connect/disconnect cycles of fresh nodes, 5 ms idle between them (200)
          --long-idle-cycles=<n>     the same with 1 s idle between them, 0 to skip (60)
          --warmup-cycles=<n>        untimed back-to-back cycles before the steady state (5000)
          --rpc-cycles=<n>           timed back-to-back cycles at the steady state (1000)
          --cli-cycles=<n>           calls per command through peerd-cli and lightning-cli (50)
          --cli-wrapper=<script>     the wrapper users type (default ./peerd-cli)
          --cln-start=<command>      starts a regtest Core Lightning node: COMMAND DIR PORT [lightningd options]
                                     (default $PEERD_CLN_START; unset: Core Lightning is skipped)
          --lightning-cli=<path>     Core Lightning's CLI (default $LIGHTNING_CLI)
          --sources=<n>              source addresses 127.0.0.2… (200)
          --concurrency=1,4,16,64    handshake concurrencies
          --only=a,b                 scenarios: secp,handshakes,messages,echo,node,rpc,cli,hold
                                     (echo: the ping → pong rows of messages alone)
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
            options.CliWrapper = Path.Combine(repoRoot, "peerd-cli");
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
                case "--idle-cycles": options.IdleCycles = Math.Max(1, int.Parse(value, CultureInfo.InvariantCulture)); break;
                case "--long-idle-cycles": options.LongIdleCycles = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--warmup-cycles": options.WarmUpCycles = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--cli-wrapper": options.CliWrapper = Path.GetFullPath(value); break;
                case "--cln-start": options.ClnStart = value; break;
                case "--lightning-cli": options.LightningCli = value; break;
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
