using Peerd.Xrpl.Hosting;

namespace Peerd.Daemon.Configuration;

/// <summary>One command-line/config option: Core Lightning's name, whether it takes a value, and its help text.</summary>
/// <param name="Name">The name without dashes, as written in the config file.</param>
/// <param name="TakesValue">False for flags (<c>--regtest</c>); flags may still be written <c>name=true|false</c>.</param>
/// <param name="Repeatable">True when every occurrence counts (<c>bind-addr</c>).</param>
/// <param name="Help">The line shown by <c>--help</c>.</param>
public sealed record OptionSpec(string Name, bool TakesValue, bool Repeatable, string Help)
{
    /// <summary>
    /// Every option the daemon accepts: the daemon's and Lightning's, then the XRPL node's (<c>xrpl</c> and
    /// <c>xrpl-*</c>, each defined once with its reader in <see cref="XrplOptions.Table"/>). The parser, <c>--help</c>
    /// and the tests that walk every option and the man page all read this one table.
    /// </summary>
    public static readonly IReadOnlyList<OptionSpec> All =
    [
        new("lightning-dir", true, false, "Data directory (default ~/.peerd)"),
        new("network", true, false, "bitcoin, testnet, testnet4, signet or regtest (default bitcoin)"),
        new("mainnet", false, false, "Alias for --network=bitcoin"),
        new("testnet", false, false, "Alias for --network=testnet"),
        new("testnet4", false, false, "Alias for --network=testnet4"),
        new("signet", false, false, "Alias for --network=signet"),
        new("regtest", false, false, "Alias for --network=regtest"),
        new("conf", true, false, "Config file to read instead of <lightning-dir>/config"),
        new("bind-addr", true, true, "Listen on host:port, [v6]:port or /unix/path (repeatable; default: all interfaces, network's port)"),
        new("addr", true, true, "Listen on and announce this address (repeatable)"),
        new("announce-addr", true, true, "Announce this address without listening on it (repeatable)"),
        new("alias", true, false, "Node alias (up to 32 bytes)"),
        new("rgb", true, false, "Node color as 6 hex digits"),
        new("log-level", true, false, "io, debug, info, unusual or broken (default info)"),
        new("log-file", true, false, "Also write the log to this file"),
        new("log-format", true, false, "text (default) or json"),
        new("rpc-file", true, false, "JSON-RPC socket (default <lightning-dir>/<network>/lightning-rpc)"),
        new("proxy", true, false, "SOCKS5 proxy host:port (default port 9050) for onion addresses"),
        new("always-use-proxy", false, false, "Use the proxy for every connection (no local DNS lookups)"),
        new("disable-dns", false, false, "Never resolve DNS names"),
        new("dns-seed", true, true, "BOLT 10 DNS seed for connect <id> when the graph has no address (repeatable; 'none' for none; default the network's usual seeds)"),
        new("dns-seed-resolver", true, false, "Resolver ip:port that DNS seed queries go to (default the first nameserver of /etc/resolv.conf)"),
        new("bitcoin-rpcconnect", true, false, "bitcoind JSON-RPC host to check channel_announcement funding outputs through (default 127.0.0.1; any bitcoin-* option turns the check on)"),
        new("bitcoin-rpcport", true, false, "bitcoind JSON-RPC port (default the network's: 8332, 18332 testnet, 48332 testnet4, 38332 signet, 18443 regtest)"),
        new("bitcoin-rpcuser", true, false, "bitcoind JSON-RPC user (without user and password: the cookie in bitcoin-datadir)"),
        new("bitcoin-rpcpassword", true, false, "bitcoind JSON-RPC password"),
        new("bitcoin-datadir", true, false, "bitcoind's data directory, for its .cookie (default ~/.bitcoin)"),
        new("handshake-timeout-secs", true, false, "Deadline for the BOLT 8 handshake plus init exchange (default 60)"),
        new("connect-timeout-secs", true, false, "Deadline for a TCP connect (default 30)"),
        new("ping-idle-secs", true, false, "Ping a peer after this long without traffic (default 60)"),
        new("pong-timeout-secs", true, false, "Hang up when a ping is unanswered this long (default 30)"),
        new("metrics-addr", true, false, "Serve Prometheus metrics at http://ip:port/metrics ([v6]:port for IPv6; off by default)"),
        new("help", false, false, "Print this help and exit"),
        new("version", false, false, "Print the version and exit"),
        .. XrplOptions.Table.Select(o => new OptionSpec(o.Name, o.TakesValue, false, o.Help)),
    ];

    /// <summary>True for the XRPL node's options (<c>xrpl</c> and <c>xrpl-*</c>), which the XRPL node reads.</summary>
    public bool IsXrpl => Name == "xrpl" || Name.StartsWith("xrpl-", StringComparison.Ordinal);
}
