using System.Globalization;
using System.Net;
using Peerd.Xrpl.Protocol.Identity;
using Peerd.Xrpl.Protocol.Validators;
using Peerd.Xrpl.Validators;

namespace Peerd.Xrpl.Hosting;

/// <summary>
/// The <c>xrpl-*</c> options of the daemon. XRPL is enabled when the flag <c>xrpl</c> or any <c>xrpl-*</c> option is
/// given (<c>xrpl=false</c> disables it and then allows no other <c>xrpl-*</c> option). Names are given without
/// leading dashes; options that do not start with <c>xrpl</c> are ignored (they belong to the rest of the daemon).
/// </summary>
public sealed record XrplOptions
{
    /// <summary>The peer port's default: 51235 on every address, rippled's usual <c>[port_peer]</c>.</summary>
    public static readonly IPEndPoint DefaultPeerEndpoint = new(IPAddress.Any, 51235);

    /// <summary>The admin port's default: 127.0.0.1:5005, rippled's usual <c>[port_rpc_admin_local]</c>.</summary>
    public static readonly IPEndPoint DefaultAdminEndpoint = new(IPAddress.Loopback, 5005);

    /// <summary>
    /// Every XRPL option, each defined once: its name, whether it takes a value, its <c>--help</c> line and how it is
    /// read. The daemon's one option table (<c>OptionSpec.All</c>) takes these entries as they are, so the parser,
    /// <c>--help</c> and the tests that walk every option see the XRPL options exactly as the Lightning ones.
    /// </summary>
    public static readonly IReadOnlyList<XrplOption> Table =
    [
        new("xrpl", false, "Enable the XRPL peer node and its admin API", (b, v) => ParseFlag("xrpl", v, out b.Flag)),
        new("xrpl-peer-addr", true, "XRPL peer port, ip:port or [v6]:port (default 0.0.0.0:51235; port 0 picks one)", (b, v) => ParseEndpoint("xrpl-peer-addr", v, out b.Peer)),
        new("xrpl-admin-addr", true, "XRPL admin API, JSON-RPC and WebSocket (default 127.0.0.1:5005)", (b, v) => ParseEndpoint("xrpl-admin-addr", v, out b.Admin)),
        new("xrpl-network-id", true, "Network id: a number, or main (0), testnet (1), devnet (2); peers must match", (b, v) => ParseNetworkId(v, out b.NetworkId)),
        new("xrpl-node-seed", true, "Node key as a family seed s...; default: a key kept in <lightning-dir>/xrpl/", (b, v) => ParseSeed(v, out b.Seed)),
        new("xrpl-max-inbound", true, "Inbound peer slots (default 11; 0 refuses every inbound peer)", (b, v) => ParseCount("xrpl-max-inbound", v, out b.MaxIn)),
        new("xrpl-max-outbound", true, "Outbound peer slots (default 10)", (b, v) => ParseCount("xrpl-max-outbound", v, out b.MaxOut)),
        new("xrpl-admin-allow", true, "Networks with the admin role, comma-separated addresses or CIDRs (default loopback)", (b, v) => ParseNetworks(v, out b.Allow)),
        new("xrpl-admin-user", true, "Admin requests must carry this admin_user", (b, v) => Set(v ?? string.Empty, out b.User)),
        new("xrpl-admin-password", true, "Admin requests must carry this admin_password", (b, v) => Set(v ?? string.Empty, out b.Password)),
        new("xrpl-standalone", false, "No peer port; network commands are refused", (b, v) => ParseSwitch("xrpl-standalone", v, out b.Standalone)),
        new("xrpl-reporting", false, "Reporting mode: peer commands answer reportingUnsupported", (b, v) => ParseSwitch("xrpl-reporting", v, out b.Reporting)),
        new("xrpl-ping-interval", true, "Seconds between pings to each peer (default 60; at least 2: rippled charges for every ping)", (b, v) => ParsePingInterval(v, out b.Ping)),
        new("xrpl-handshake-timeout", true, "Deadline in seconds of each connection stage (default 15)", (b, v) => ParseSeconds("xrpl-handshake-timeout", v, out b.Handshake)),
        new("xrpl-crawl", true, "Serve /crawl on the peer port: true (default) or false", (b, v) => ParseSwitch("xrpl-crawl", v, out b.Crawl)),
        new("xrpl-validators-file", true, "Trust anchors from a validators.txt in rippled's format", (b, v) => string.IsNullOrEmpty(v) ? "xrpl-validators-file: expected a path" : Set(v, out b.ValidatorsPath)),
        new("xrpl-validator-list-keys", true, "Validator list publisher keys, comma-separated (default on network 0: the mainnet publishers)", (b, v) => ParseKeys("xrpl-validator-list-keys", v, b.ListKeys)),
        new("xrpl-validator-list-sites", true, "URLs the publishers' lists are fetched from (https://, http://, file://), comma-separated", (b, v) => ParseSites(v, b.ListSites)),
        new("xrpl-validators", true, "Static validators trusted without a list, comma-separated", (b, v) => ParseKeys("xrpl-validators", v, b.StaticValidators)),
        new("xrpl-validator-list-threshold", true, "Publishers that must list a validator for it to be trusted (default as rippled)", (b, v) => ParseThreshold(v, out b.Threshold)),
        new("xrpl-ssl-verify-file", true, "PEM certificates that list sites may chain to (rippled's ssl_verify_file)", (b, v) => string.IsNullOrEmpty(v) || !File.Exists(v) ? $"xrpl-ssl-verify-file: no such file '{v}'" : Set(v, out b.SslVerifyFile)),
    ];

    /// <summary>Every option name this class understands (the names of <see cref="Table"/>).</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Table.Select(o => o.Name)];

    /// <summary>
    /// The lowest <c>xrpl-ping-interval</c>: rippled charges 250 resource units per ping it receives and its balance
    /// decays over 32 s, so pinging every T seconds holds about 250·32/T — past its warning level (5,000) below 1.6 s
    /// and past its drop level (25,000) below 0.32 s. Two seconds stays clear of both.
    /// </summary>
    public static readonly TimeSpan MinimumPingInterval = TimeSpan.FromSeconds(2);

    /// <summary>True when XRPL should run.</summary>
    public bool Enabled { get; private init; }

    /// <summary><c>xrpl-peer-addr</c>: where the peer port listens (port 0 picks a free port); null in stand-alone mode.</summary>
    public IPEndPoint? PeerEndpoint { get; init; } = DefaultPeerEndpoint;

    /// <summary><c>xrpl-admin-addr</c>: where the admin API (JSON-RPC and WebSocket on one port) listens.</summary>
    public IPEndPoint AdminEndpoint { get; init; } = DefaultAdminEndpoint;

    /// <summary><c>xrpl-network-id</c>: a number or <c>main</c> (0), <c>testnet</c> (1), <c>devnet</c> (2); peers must match.</summary>
    public uint? NetworkId { get; init; }

    /// <summary><c>xrpl-node-seed</c>: an <c>s…</c> family seed; when absent the key lives in the data directory.</summary>
    public FamilySeed? NodeSeed { get; init; }

    /// <summary><c>xrpl-max-inbound</c>: inbound peer slots (default 11; 0 refuses every inbound peer with a 503).</summary>
    public int MaxInboundPeers { get; init; } = 11;

    /// <summary><c>xrpl-max-outbound</c>: outbound peer slots (default 10).</summary>
    public int MaxOutboundPeers { get; init; } = 10;

    /// <summary><c>xrpl-admin-allow</c>: client networks with the admin role (comma-separated addresses or CIDRs; default loopback).</summary>
    public IReadOnlyList<IPNetwork> AdminAllow { get; init; } = [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];

    /// <summary><c>xrpl-admin-user</c>: when set (or a password is), admin requests must carry <c>admin_user</c>.</summary>
    public string? AdminUser { get; init; }

    /// <summary><c>xrpl-admin-password</c>: when set (or a user is), admin requests must carry <c>admin_password</c>.</summary>
    public string? AdminPassword { get; init; }

    /// <summary><c>xrpl-standalone</c>: no peer port; network commands are refused.</summary>
    public bool Standalone { get; init; }

    /// <summary><c>xrpl-reporting</c>: a read-only mode in which peer commands answer <c>reportingUnsupported</c>.</summary>
    public bool Reporting { get; init; }

    /// <summary><c>xrpl-ping-interval</c> (seconds, default 60 like rippled): how often peers are pinged; a peer that did not answer the previous ping is dropped.</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary><c>xrpl-handshake-timeout</c> (seconds, default 15 like rippled): the deadline of each connection stage.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// <c>xrpl-crawl</c> (default true, as rippled's <c>[crawl]</c>): serve <c>GET /crawl</c> on the peer port — our
    /// connected peers' keys, and the addresses of those that said <c>Crawl: public</c>. False answers it as any other
    /// non-upgrade request (403).
    /// </summary>
    public bool Crawl { get; init; } = true;

    /// <summary>
    /// The trust anchors: <c>xrpl-validators-file</c> (rippled's <c>validators.txt</c>) merged with
    /// <c>xrpl-validator-list-keys</c>, <c>xrpl-validator-list-sites</c>, <c>xrpl-validators</c> and
    /// <c>xrpl-validator-list-threshold</c>; when none is given and the network id is 0 (mainnet), rippled's mainnet
    /// publishers; otherwise none (no ledger is ever reported validated).
    /// </summary>
    public TrustAnchors TrustAnchors { get; init; } = TrustAnchors.None;

    /// <summary>
    /// <c>xrpl-ssl-verify-file</c> (rippled's <c>[ssl_verify_file]</c>): a PEM file of CA certificates that https list
    /// sites may also chain to; without it, only the system's roots.
    /// </summary>
    public string? SslVerifyFile { get; init; }

    /// <summary>A summary without secrets (no seed, no credentials).</summary>
    public override string ToString() =>
        $"XRPL {(Enabled ? "enabled" : "disabled")}: peer {PeerEndpoint?.ToString() ?? "none"}, admin {AdminEndpoint}, network id {NetworkId?.ToString(CultureInfo.InvariantCulture) ?? "not set"}, slots {MaxInboundPeers} in/{MaxOutboundPeers} out{(Standalone ? ", stand-alone" : string.Empty)}{(Reporting ? ", reporting" : string.Empty)}";

    /// <summary>Options with XRPL disabled.</summary>
    public static XrplOptions Disabled { get; } = new() { Enabled = false };

    /// <summary>Options with XRPL enabled and every default (for tests and embedding).</summary>
    public static XrplOptions EnabledDefaults() => new() { Enabled = true };

    /// <summary>Parses the <c>xrpl</c> and <c>xrpl-*</c> options; false with a message naming the bad option.</summary>
    public static bool TryParse(IReadOnlyList<KeyValuePair<string, string?>> options, out XrplOptions opts, out string error)
    {
        ArgumentNullException.ThrowIfNull(options);
        opts = Disabled;
        error = string.Empty;
        var mine = options.Where(o => o.Key == "xrpl" || o.Key.StartsWith("xrpl-", StringComparison.Ordinal)).ToList();
        if (mine.Count == 0)
        {
            return true;
        }

        var builder = new Builder();
        foreach (var (name, value) in mine)
        {
            if (Table.FirstOrDefault(o => o.Name == name) is not { } option)
            {
                error = $"unknown option '{name}' (XRPL options: {string.Join(", ", Names)})";
                return false;
            }

            builder.AnyOption |= name != "xrpl";
            if (option.Apply(builder, value) is { } refused)
            {
                error = refused;
                return false;
            }
        }

        return builder.TryBuild(out opts, out error);
    }

    /// <summary>The options read so far, before they are checked together and built.</summary>
    internal sealed class Builder
    {
#pragma warning disable SA1401 // Fields: each table entry reads its value straight into one of them.
        internal bool? Flag;
        internal bool AnyOption;
        internal IPEndPoint Peer = DefaultPeerEndpoint;
        internal IPEndPoint Admin = DefaultAdminEndpoint;
        internal uint? NetworkId;
        internal FamilySeed? Seed;
        internal int MaxIn = 11;
        internal int MaxOut = 10;
        internal IReadOnlyList<IPNetwork>? Allow;
        internal string? User;
        internal string? Password;
        internal bool Standalone;
        internal bool Reporting;
        internal TimeSpan Ping = TimeSpan.FromSeconds(60);
        internal TimeSpan Handshake = TimeSpan.FromSeconds(15);
        internal bool Crawl = true;
        internal string? ValidatorsPath;
        internal readonly List<ValidatorKey> ListKeys = [];
        internal readonly List<string> ListSites = [];
        internal readonly List<ValidatorKey> StaticValidators = [];
        internal int? Threshold;
        internal string? SslVerifyFile;
#pragma warning restore SA1401

        public bool TryBuild(out XrplOptions opts, out string error)
        {
            opts = Disabled;
            error = string.Empty;
            if (Flag == false)
            {
                if (AnyOption)
                {
                    error = "xrpl=false conflicts with other xrpl-* options";
                    return false;
                }

                return true;
            }

            if (!TryAnchors(out var anchors, out error))
            {
                return false;
            }

            opts = new XrplOptions
            {
                TrustAnchors = anchors,
                SslVerifyFile = SslVerifyFile,
                Enabled = true,
                PeerEndpoint = Standalone ? null : Peer,
                AdminEndpoint = Admin,
                NetworkId = NetworkId,
                NodeSeed = Seed,
                MaxInboundPeers = MaxIn,
                MaxOutboundPeers = MaxOut,
                AdminAllow = Allow ?? [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")],
                AdminUser = User,
                AdminPassword = Password,
                Standalone = Standalone,
                Reporting = Reporting,
                PingInterval = Ping,
                HandshakeTimeout = Handshake,
                Crawl = Crawl,
            };
            return true;
        }

        private bool TryAnchors(out TrustAnchors anchors, out string error)
        {
            anchors = TrustAnchors.None;
            error = string.Empty;
            var fromFile = TrustAnchors.None;
            if (ValidatorsPath is not null)
            {
                string text;
                try
                {
                    if (new FileInfo(ValidatorsPath).Length > ValidatorsFile.MaxLength)
                    {
                        error = $"xrpl-validators-file: {ValidatorsPath} is larger than {ValidatorsFile.MaxLength} bytes";
                        return false;
                    }

                    text = File.ReadAllText(ValidatorsPath);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    error = $"xrpl-validators-file: cannot read {ValidatorsPath}: {e.Message}";
                    return false;
                }

                if (ValidatorsFile.TryParse(text, out var parsed) is not { } file)
                {
                    error = $"xrpl-validators-file: {ValidatorsPath}: {parsed}";
                    return false;
                }

                fromFile = file;
            }

            var keys = fromFile.PublisherKeys.Concat(ListKeys).Distinct().ToList();
            var threshold = Threshold ?? fromFile.Threshold;
            if (threshold > keys.Count)
            {
                error = $"xrpl-validator-list-threshold: {threshold} exceeds the {keys.Count} publisher keys";
                return false;
            }

            anchors = new TrustAnchors(keys, [.. fromFile.Sites.Concat(ListSites).Distinct()], [.. fromFile.StaticValidators.Concat(StaticValidators).Distinct()], threshold);
            if (anchors.IsEmpty && ListSites.Count == 0 && fromFile.Sites.Count == 0 && NetworkId == 0)
            {
                anchors = TrustAnchors.Mainnet;
            }

            return true;
        }

    }

    // Each reader returns null when the value is good (and stores it), else the message for the user.
    private static string? Set<T>(T value, out T field)
    {
        field = value;
        return null;
    }

    private static string? ParseSeed(string? value, out FamilySeed? seed)
    {
        seed = null;
        if (value is null || !FamilySeed.TryParse(value, out var parsed))
        {
            return "xrpl-node-seed: expected an XRPL family seed (s…)";
        }

        seed = parsed;
        return null;
    }

    private static string? ParsePingInterval(string? value, out TimeSpan interval)
    {
        if (ParseSeconds("xrpl-ping-interval", value, out interval) is { } error)
        {
            return error;
        }

        return interval < MinimumPingInterval
            ? $"xrpl-ping-interval: at least {MinimumPingInterval.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds (rippled charges for every ping), got '{value}'"
            : null;
    }

    private static string? ParseSites(string? value, List<string> sites)
    {
        foreach (var site in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Uri.TryCreate(site, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http" && uri.Scheme != "file"))
            {
                return $"xrpl-validator-list-sites: '{site}' is not an https://, http:// or file:// URL";
            }

            sites.Add(site);
        }

        return null;
    }

    private static string? ParseThreshold(string? value, out int? threshold)
    {
        threshold = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        return threshold is null ? $"xrpl-validator-list-threshold: expected a number, got '{value}'" : null;
    }

    private static string? ParseKeys(string name, string? value, List<ValidatorKey> keys)
    {
        foreach (var part in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (ValidatorKey.TryParse(part) is not { } key)
            {
                return $"{name}: '{part}' is not a public key (hex ED…/02…/03… or base58 n…)";
            }

            keys.Add(key);
        }

        return null;
    }

    private static string? ParseFlag(string name, string? value, out bool? flag)
    {
        var error = ParseSwitch(name, value, out var on);
        flag = on;
        return error;
    }

    private static string? ParseSwitch(string name, string? value, out bool on)
    {
        switch (value?.ToLowerInvariant())
        {
            case null or "" or "true" or "1" or "yes":
                on = true;
                return null;
            case "false" or "0" or "no":
                on = false;
                return null;
            default:
                on = false;
                return $"{name}: expected true or false, got '{value}'";
        }
    }

    private static string? ParseEndpoint(string name, string? value, out IPEndPoint endpoint)
    {
        if (value is null || !IPEndPoint.TryParse(value, out endpoint!) || value.LastIndexOf(':') < 0
            || (endpoint.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && !value.Contains(']', StringComparison.Ordinal)))
        {
            endpoint = DefaultPeerEndpoint;
            return $"{name}: expected ip:port or [ipv6]:port, got '{value}'";
        }

        return null;
    }

    private static string? ParseNetworkId(string? value, out uint? networkId)
    {
        networkId = value?.ToLowerInvariant() switch
        {
            "main" => 0,
            "testnet" => 1,
            "devnet" => 2,
            _ when uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
        return networkId is null ? $"xrpl-network-id: expected a number or main, testnet, devnet; got '{value}'" : null;
    }

    private static string? ParseCount(string name, string? value, out int count)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count > 10_000)
        {
            return $"{name}: expected a number of peers (0–10000), got '{value}'";
        }

        return null;
    }

    private static string? ParseSeconds(string name, string? value, out TimeSpan interval)
    {
        interval = TimeSpan.Zero;
        if (!double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || seconds > 86_400)
        {
            return $"{name}: expected a number of seconds, got '{value}'";
        }

        interval = TimeSpan.FromSeconds(seconds);
        return null;
    }

    private static string? ParseNetworks(string? value, out IReadOnlyList<IPNetwork>? networks)
    {
        var list = new List<IPNetwork>();
        foreach (var part in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (IPNetwork.TryParse(part, out var network))
            {
                list.Add(network);
            }
            else if (IPAddress.TryParse(part, out var address))
            {
                list.Add(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                networks = null;
                return $"xrpl-admin-allow: '{part}' is not an address or CIDR network";
            }
        }

        networks = list;
        return null;
    }
}
