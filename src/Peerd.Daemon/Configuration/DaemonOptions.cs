using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Peerd.Lightning;
using Peerd.Lightning.Chain;
using Peerd.Lightning.Protocol.Chains;

namespace Peerd.Daemon.Configuration;

/// <summary>The daemon's typed configuration, built from config files and the command line.</summary>
public sealed class DaemonOptions
{
    /// <summary>The data directory (<c>--lightning-dir</c>).</summary>
    public required string LightningDir { get; init; }

    /// <summary>The Lightning network.</summary>
    public required LightningNetwork Network { get; init; }

    /// <summary>The network's directory: key, RPC socket, lock file.</summary>
    public string NetworkDir => Path.Combine(LightningDir, Network.Name);

    /// <summary>Listen addresses as written (<c>--bind-addr</c> and <c>--addr</c>); empty means the default wildcard pair.</summary>
    public required IReadOnlyList<string> BindAddresses { get; init; }

    /// <summary>Addresses to announce (<c>--addr</c> and <c>--announce-addr</c>).</summary>
    public required IReadOnlyList<string> AnnounceAddresses { get; init; }

    /// <summary>The node alias.</summary>
    public required string Alias { get; init; }

    /// <summary>The node color, 3 bytes.</summary>
    public required byte[] Color { get; init; }

    /// <summary>Minimum log level.</summary>
    public required LogLevel LogLevel { get; init; }

    /// <summary>Optional log file.</summary>
    public string? LogFile { get; init; }

    /// <summary>True for JSON log lines.</summary>
    public bool JsonLogs { get; init; }

    /// <summary>The JSON-RPC socket path.</summary>
    public required string RpcFile { get; init; }

    /// <summary>SOCKS5 proxy as written, if any.</summary>
    public string? Proxy { get; init; }

    /// <summary>Route every connection through the proxy.</summary>
    public bool AlwaysUseProxy { get; init; }

    /// <summary>Never resolve names.</summary>
    public bool DisableDns { get; init; }

    /// <summary>DNS seeds as given (<c>dns-seed</c>, repeatable); empty: the network's defaults.</summary>
    public IReadOnlyList<string> DnsSeeds { get; init; } = [];

    /// <summary>The resolver for DNS seed queries (<c>ip:port</c>), if set.</summary>
    public string? DnsSeedResolver { get; init; }

    /// <summary>
    /// bitcoind to check funding outputs through (any <c>bitcoin-*</c> option given), or null: no chain source, the
    /// funding outputs are not checked.
    /// </summary>
    public BitcoindOptions? Bitcoind { get; init; }

    /// <summary>Handshake plus init deadline.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = Tuning.HandshakeTimeout;

    /// <summary>TCP connect deadline.</summary>
    public TimeSpan ConnectTimeout { get; init; } = Tuning.TcpConnectTimeout;

    /// <summary>Idle time before a ping.</summary>
    public TimeSpan PingIdle { get; init; } = Tuning.PingIdle;

    /// <summary>How long a ping may go unanswered.</summary>
    public TimeSpan PongTimeout { get; init; } = Tuning.PongTimeout;

    /// <summary>Where the Prometheus metrics are served (<c>--metrics-addr</c>); null: not served.</summary>
    public IPEndPoint? MetricsEndpoint { get; init; }

    /// <summary>The <c>xrpl</c> flag and every <c>xrpl-*</c> option, for the XRPL node.</summary>
    public required IReadOnlyList<KeyValuePair<string, string?>> XrplOptions { get; init; }

    /// <summary>True when <c>--help</c> was given.</summary>
    public bool ShowHelp { get; init; }

    /// <summary>True when <c>--version</c> was given.</summary>
    public bool ShowVersion { get; init; }

    /// <summary>Reads config files and the command line.</summary>
    /// <exception cref="OptionException">Any invalid option, with a message for the user.</exception>
    public static DaemonOptions Load(IReadOnlyList<string> args, string homeDirectory)
    {
        static bool IsXrpl(string name) => name == "xrpl" || name.StartsWith("xrpl-", StringComparison.Ordinal);

        var cli = OptionParser.ParseArguments(args);
        var given = Last(cli, "lightning-dir");
        if (given is null && string.IsNullOrEmpty(homeDirectory))
        {
            // Never a data directory relative to wherever the daemon happens to start.
            throw new OptionException("cannot find the home directory for ~/.peerd ($HOME is not set): give --lightning-dir");
        }

        var dir = Expand(given ?? Path.Combine(homeDirectory, ".peerd"), homeDirectory, "lightning-dir");
        var all = new List<KeyValuePair<string, string?>>();
        var conf = Last(cli, "conf");
        var baseConfig = conf is null ? Path.Combine(dir, "config") : Expand(conf, homeDirectory, "conf");
        if (conf is not null && !File.Exists(baseConfig))
        {
            throw new OptionException($"config file {baseConfig} not found");
        }

        if (File.Exists(baseConfig))
        {
            all.AddRange(OptionParser.ParseConfig(ReadConfig(baseConfig), baseConfig));
        }

        var networkName = NetworkName(all, null);
        networkName = NetworkName(cli, networkName) ?? "bitcoin";
        if (!LightningNetwork.TryParse(networkName, out var network))
        {
            throw new OptionException($"unknown network '{networkName}' (bitcoin, testnet, testnet4, signet, regtest)");
        }

        var networkConfig = Path.Combine(dir, network.Name, "config");
        if (conf is null && File.Exists(networkConfig))
        {
            all.AddRange(OptionParser.ParseConfig(ReadConfig(networkConfig), networkConfig));
        }

        all.AddRange(cli);

        var binds = new List<string>();
        var announce = new List<string>();
        foreach (var (name, value) in all)
        {
            if (name is "bind-addr" or "addr")
            {
                binds.Add(value!);
            }

            if (name is "addr" or "announce-addr")
            {
                announce.Add(value!);
            }
        }

        return new DaemonOptions
        {
            LightningDir = dir,
            Network = network,
            BindAddresses = binds,
            AnnounceAddresses = announce,
            Alias = ParseAlias(Last(all, "alias")),
            Color = ParseColor(Last(all, "rgb")),
            LogLevel = ParseLogLevel(Last(all, "log-level") ?? "info"),
            LogFile = Last(all, "log-file") is { } lf ? Expand(lf, homeDirectory, "log-file") : null,
            JsonLogs = (Last(all, "log-format") ?? "text") switch
            {
                "text" => false,
                "json" => true,
                var other => throw new OptionException($"log-format: expected text or json, not '{other}'"),
            },
            RpcFile = Last(all, "rpc-file") is { } rf ? Expand(rf, homeDirectory, "rpc-file") : Path.Combine(dir, network.Name, "lightning-rpc"),
            Proxy = Last(all, "proxy"),
            AlwaysUseProxy = Flag(all, "always-use-proxy"),
            DisableDns = Flag(all, "disable-dns"),
            DnsSeeds = [.. all.Where(p => p.Key == "dns-seed").Select(p => p.Value!)],
            DnsSeedResolver = Last(all, "dns-seed-resolver"),
            Bitcoind = ParseBitcoind(all, network, homeDirectory),
            HandshakeTimeout = Seconds(all, "handshake-timeout-secs") ?? Tuning.HandshakeTimeout,
            ConnectTimeout = Seconds(all, "connect-timeout-secs") ?? Tuning.TcpConnectTimeout,
            PingIdle = Seconds(all, "ping-idle-secs") ?? Tuning.PingIdle,
            PongTimeout = Seconds(all, "pong-timeout-secs") ?? Tuning.PongTimeout,
            MetricsEndpoint = Last(all, "metrics-addr") is { } metrics ? ParseMetricsAddress(metrics) : null,
            XrplOptions = all.Where(p => IsXrpl(p.Key)).ToList(),
            ShowHelp = Flag(cli, "help"),
            ShowVersion = Flag(cli, "version"),
        };
    }

    /// <summary>Core Lightning's <c>bitcoin-*</c> options; null when none is given.</summary>
    private static BitcoindOptions? ParseBitcoind(List<KeyValuePair<string, string?>> options, LightningNetwork network, string home)
    {
        string[] names = ["bitcoin-rpcconnect", "bitcoin-rpcport", "bitcoin-rpcuser", "bitcoin-rpcpassword", "bitcoin-datadir"];
        if (!options.Any(o => names.Contains(o.Key)))
        {
            return null;
        }

        var host = Last(options, "bitcoin-rpcconnect") ?? BitcoindOptions.DefaultHost;
        if (string.IsNullOrWhiteSpace(host) || Uri.CheckHostName(host.Trim('[', ']')) == UriHostNameType.Unknown)
        {
            throw new OptionException($"bitcoin-rpcconnect: '{host}' is not a host name or address");
        }

        var port = BitcoindOptions.DefaultPort(network);
        if (Last(options, "bitcoin-rpcport") is { } portText
            && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > IPEndPoint.MaxPort))
        {
            throw new OptionException($"bitcoin-rpcport: expected a port between 1 and 65535, not '{portText}'");
        }

        var user = Last(options, "bitcoin-rpcuser");
        var password = Last(options, "bitcoin-rpcpassword");
        string? cookie = null;
        if (user is null && password is null)
        {
            if (Last(options, "bitcoin-datadir") is null && string.IsNullOrEmpty(home))
            {
                throw new OptionException("bitcoin-datadir: cannot find ~/.bitcoin ($HOME is not set): give bitcoin-datadir or bitcoin-rpcuser and bitcoin-rpcpassword");
            }

            var dataDir = Last(options, "bitcoin-datadir") is { } d ? Expand(d, home, "bitcoin-datadir") : Path.Combine(home, ".bitcoin");
            cookie = BitcoindOptions.CookiePath(dataDir, network);
        }

        return new BitcoindOptions(host.Trim('[', ']'), port, user, password, cookie);
    }

    private static string? NetworkName(List<KeyValuePair<string, string?>> options, string? current)
    {
        foreach (var (name, value) in options)
        {
            current = name switch
            {
                "network" => value,
                "mainnet" => "bitcoin",
                "testnet" or "testnet4" or "signet" or "regtest" => name,
                _ => current,
            };
        }

        return current;
    }

    private static string? Last(List<KeyValuePair<string, string?>> options, string name)
    {
        string? value = null;
        foreach (var (n, v) in options)
        {
            if (n == name)
            {
                value = v;
            }
        }

        return value;
    }

    private static bool Flag(List<KeyValuePair<string, string?>> options, string name)
    {
        var result = false;
        foreach (var (n, v) in options)
        {
            if (n == name)
            {
                result = v switch
                {
                    null or "true" or "1" or "yes" => true,
                    "false" or "0" or "no" => false,
                    _ => throw new OptionException($"{name}: expected true or false, not '{v}'"),
                };
            }
        }

        return result;
    }

    private static TimeSpan? Seconds(List<KeyValuePair<string, string?>> options, string name)
    {
        var text = Last(options, name);
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || seconds > 86_400)
        {
            throw new OptionException($"{name}: expected a number of seconds between 0 and 86400, not '{text}'");
        }

        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary><c>ip:port</c> or <c>[v6]:port</c>, the port given (0: any free port, which the log names).</summary>
    private static IPEndPoint ParseMetricsAddress(string text)
    {
        var colon = text.LastIndexOf(':');
        var host = colon > 0 ? text[..colon] : string.Empty;
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }
        else if (host.Contains(':', StringComparison.Ordinal))
        {
            host = string.Empty; // an IPv6 address without brackets: its last group would be read as the port
        }

        if (!IPAddress.TryParse(host, out var address)
            || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port > IPEndPoint.MaxPort)
        {
            throw new OptionException($"metrics-addr: expected ip:port or [v6]:port, not '{text}'");
        }

        return new IPEndPoint(address, port);
    }

    private static string ParseAlias(string? alias)
    {
        alias ??= "peerd";
        if (System.Text.Encoding.UTF8.GetByteCount(alias) > 32)
        {
            throw new OptionException("alias: at most 32 bytes");
        }

        return alias;
    }

    private static byte[] ParseColor(string? rgb)
    {
        if (rgb is null)
        {
            return [0x3f, 0x7c, 0xac];
        }

        if (rgb.Length != 6 || !Primitives.Hex.TryDecode(rgb, out var bytes))
        {
            throw new OptionException($"rgb: expected 6 hex digits, not '{rgb}'");
        }

        return bytes;
    }

    /// <summary>Core Lightning's level names, and .NET's.</summary>
    public static LogLevel ParseLogLevel(string text) => text.ToLowerInvariant() switch
    {
        "io" or "trace" => LogLevel.Trace,
        "debug" => LogLevel.Debug,
        "info" or "information" => LogLevel.Information,
        "unusual" or "warning" or "warn" => LogLevel.Warning,
        "broken" or "error" => LogLevel.Error,
        _ => throw new OptionException($"log-level: expected io, debug, info, unusual or broken, not '{text}'"),
    };

    /// <summary>A path option made absolute (<c>~/</c> is the home directory); empty or unusable is a usage error.</summary>
    private static string Expand(string path, string home, string name)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new OptionException($"{name}: expected a path, got an empty value");
        }

        try
        {
            return Path.GetFullPath(path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(home, path[2..]) : path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new OptionException($"{name}: '{path}' is not a usable path ({e.Message})");
        }
    }

    private static string ReadConfig(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OptionException($"config file {path}: {e.Message}");
        }
    }
}
