namespace Peerd.Daemon.Configuration;

/// <summary>
/// The <c>--help</c> lines of the XRPL node's options (<see cref="Peerd.Xrpl.Hosting.XrplOptions.Names"/>; that class
/// parses them). A test checks that every name there has a line here and in docs/man/peerd.8, so a new XRPL option
/// cannot go undocumented.
/// </summary>
public static class XrplOptionHelp
{
    /// <summary>Each XRPL option: its name, whether it takes a value, and its help line.</summary>
    public static readonly IReadOnlyList<OptionSpec> All =
    [
        new("xrpl-peer-addr", true, false, "XRPL peer port, ip:port or [v6]:port (default 0.0.0.0:51235; port 0 picks one)"),
        new("xrpl-admin-addr", true, false, "XRPL admin API, JSON-RPC and WebSocket (default 127.0.0.1:5005)"),
        new("xrpl-network-id", true, false, "Network id: a number, or main (0), testnet (1), devnet (2); peers must match"),
        new("xrpl-node-seed", true, false, "Node key as a family seed s...; default: a key kept in <lightning-dir>/xrpl/"),
        new("xrpl-max-inbound", true, false, "Inbound peer slots (default 11; 0 refuses every inbound peer)"),
        new("xrpl-max-outbound", true, false, "Outbound peer slots (default 10)"),
        new("xrpl-admin-allow", true, false, "Networks with the admin role, comma-separated addresses or CIDRs (default loopback)"),
        new("xrpl-admin-user", true, false, "Admin requests must carry this admin_user"),
        new("xrpl-admin-password", true, false, "Admin requests must carry this admin_password"),
        new("xrpl-standalone", false, false, "No peer port; network commands are refused"),
        new("xrpl-reporting", false, false, "Reporting mode: peer commands answer reportingUnsupported"),
        new("xrpl-ping-interval", true, false, "Seconds between pings to each peer (default 60; at least 2: rippled charges for every ping)"),
        new("xrpl-handshake-timeout", true, false, "Deadline in seconds of each connection stage (default 15)"),
        new("xrpl-crawl", true, false, "Serve /crawl on the peer port: true (default) or false"),
        new("xrpl-validators-file", true, false, "Trust anchors from a validators.txt in rippled's format"),
        new("xrpl-validator-list-keys", true, false, "Validator list publisher keys, comma-separated (default on network 0: the mainnet publishers)"),
        new("xrpl-validator-list-sites", true, false, "URLs the publishers' lists are fetched from (https://, http://, file://), comma-separated"),
        new("xrpl-validators", true, false, "Static validators trusted without a list, comma-separated"),
        new("xrpl-validator-list-threshold", true, false, "Publishers that must list a validator for it to be trusted (default as rippled)"),
        new("xrpl-ssl-verify-file", true, false, "PEM certificates that list sites may chain to (rippled's ssl_verify_file)"),
    ];
}
