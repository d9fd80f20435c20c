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

    /// <summary>Every option name this class understands.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "xrpl", "xrpl-peer-addr", "xrpl-admin-addr", "xrpl-network-id", "xrpl-node-seed", "xrpl-max-inbound",
        "xrpl-max-outbound", "xrpl-admin-allow", "xrpl-admin-user", "xrpl-admin-password", "xrpl-standalone",
        "xrpl-reporting", "xrpl-ping-interval", "xrpl-handshake-timeout", "xrpl-crawl",
        "xrpl-validators-file", "xrpl-validator-list-keys", "xrpl-validator-list-sites", "xrpl-validators", "xrpl-validator-list-threshold",
        "xrpl-ssl-verify-file",
    ];

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
            if (!builder.Apply(name, value, out error))
            {
                return false;
            }
        }

        return builder.TryBuild(out opts, out error);
    }

    private sealed class Builder
    {
        private bool? _flag;
        private bool _anyOption;
        private IPEndPoint _peer = DefaultPeerEndpoint;
        private IPEndPoint _admin = DefaultAdminEndpoint;
        private uint? _networkId;
        private FamilySeed? _seed;
        private int _maxIn = 11;
        private int _maxOut = 10;
        private IReadOnlyList<IPNetwork>? _allow;
        private string? _user;
        private string? _password;
        private bool _standalone;
        private bool _reporting;
        private TimeSpan _ping = TimeSpan.FromSeconds(60);
        private TimeSpan _handshake = TimeSpan.FromSeconds(15);
        private bool _crawl = true;
        private string? _validatorsFile;
        private readonly List<ValidatorKey> _listKeys = [];
        private readonly List<string> _listSites = [];
        private readonly List<ValidatorKey> _staticValidators = [];
        private int? _threshold;
        private string? _sslVerifyFile;

        public bool Apply(string name, string? value, out string error)
        {
            error = string.Empty;
            if (name != "xrpl")
            {
                _anyOption = true;
            }

            switch (name)
            {
                case "xrpl":
                    return ParseFlag(name, value, out _flag, out error);
                case "xrpl-peer-addr":
                    return ParseEndpoint(name, value, out _peer, out error);
                case "xrpl-admin-addr":
                    return ParseEndpoint(name, value, out _admin, out error);
                case "xrpl-network-id":
                    return ParseNetworkId(value, out _networkId, out error);
                case "xrpl-node-seed":
                    if (value is null || !FamilySeed.TryParse(value, out var seed))
                    {
                        error = "xrpl-node-seed: expected an XRPL family seed (s…)";
                        return false;
                    }

                    _seed = seed;
                    return true;
                case "xrpl-max-inbound":
                    return ParseCount(name, value, out _maxIn, out error);
                case "xrpl-max-outbound":
                    return ParseCount(name, value, out _maxOut, out error);
                case "xrpl-admin-allow":
                    return ParseNetworks(value, out _allow, out error);
                case "xrpl-admin-user":
                    _user = value ?? string.Empty;
                    return true;
                case "xrpl-admin-password":
                    _password = value ?? string.Empty;
                    return true;
                case "xrpl-standalone":
                    return ParseSwitch(name, value, out _standalone, out error);
                case "xrpl-reporting":
                    return ParseSwitch(name, value, out _reporting, out error);
                case "xrpl-ping-interval":
                    if (!ParseSeconds(name, value, out _ping, out error))
                    {
                        return false;
                    }

                    if (_ping < MinimumPingInterval)
                    {
                        error = $"xrpl-ping-interval: at least {MinimumPingInterval.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds (rippled charges for every ping), got '{value}'";
                        return false;
                    }

                    return true;
                case "xrpl-handshake-timeout":
                    return ParseSeconds(name, value, out _handshake, out error);
                case "xrpl-crawl":
                    return ParseSwitch(name, value, out _crawl, out error);
                case "xrpl-validators-file":
                    _validatorsFile = value;
                    if (string.IsNullOrEmpty(value))
                    {
                        error = "xrpl-validators-file: expected a path";
                        return false;
                    }

                    return true;
                case "xrpl-validator-list-keys":
                    return ParseKeys(name, value, _listKeys, out error);
                case "xrpl-validators":
                    return ParseKeys(name, value, _staticValidators, out error);
                case "xrpl-validator-list-sites":
                    foreach (var site in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (!Uri.TryCreate(site, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http" && uri.Scheme != "file"))
                        {
                            error = $"xrpl-validator-list-sites: '{site}' is not an https://, http:// or file:// URL";
                            return false;
                        }

                        _listSites.Add(site);
                    }

                    return true;
                case "xrpl-ssl-verify-file":
                    if (string.IsNullOrEmpty(value) || !File.Exists(value))
                    {
                        error = $"xrpl-ssl-verify-file: no such file '{value}'";
                        return false;
                    }

                    _sslVerifyFile = value;
                    return true;
                case "xrpl-validator-list-threshold":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var threshold))
                    {
                        error = $"xrpl-validator-list-threshold: expected a number, got '{value}'";
                        return false;
                    }

                    _threshold = threshold;
                    return true;
                default:
                    error = $"unknown option '{name}' (XRPL options: {string.Join(", ", Names)})";
                    return false;
            }
        }

        public bool TryBuild(out XrplOptions opts, out string error)
        {
            opts = Disabled;
            error = string.Empty;
            if (_flag == false)
            {
                if (_anyOption)
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
                SslVerifyFile = _sslVerifyFile,
                Enabled = true,
                PeerEndpoint = _standalone ? null : _peer,
                AdminEndpoint = _admin,
                NetworkId = _networkId,
                NodeSeed = _seed,
                MaxInboundPeers = _maxIn,
                MaxOutboundPeers = _maxOut,
                AdminAllow = _allow ?? [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")],
                AdminUser = _user,
                AdminPassword = _password,
                Standalone = _standalone,
                Reporting = _reporting,
                PingInterval = _ping,
                HandshakeTimeout = _handshake,
                Crawl = _crawl,
            };
            return true;
        }

        private bool TryAnchors(out TrustAnchors anchors, out string error)
        {
            anchors = TrustAnchors.None;
            error = string.Empty;
            var fromFile = TrustAnchors.None;
            if (_validatorsFile is not null)
            {
                string text;
                try
                {
                    if (new FileInfo(_validatorsFile).Length > ValidatorsFile.MaxLength)
                    {
                        error = $"xrpl-validators-file: {_validatorsFile} is larger than {ValidatorsFile.MaxLength} bytes";
                        return false;
                    }

                    text = File.ReadAllText(_validatorsFile);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    error = $"xrpl-validators-file: cannot read {_validatorsFile}: {e.Message}";
                    return false;
                }

                if (ValidatorsFile.TryParse(text, out var parsed) is not { } file)
                {
                    error = $"xrpl-validators-file: {_validatorsFile}: {parsed}";
                    return false;
                }

                fromFile = file;
            }

            var keys = fromFile.PublisherKeys.Concat(_listKeys).Distinct().ToList();
            var threshold = _threshold ?? fromFile.Threshold;
            if (threshold > keys.Count)
            {
                error = $"xrpl-validator-list-threshold: {threshold} exceeds the {keys.Count} publisher keys";
                return false;
            }

            anchors = new TrustAnchors(keys, [.. fromFile.Sites.Concat(_listSites).Distinct()], [.. fromFile.StaticValidators.Concat(_staticValidators).Distinct()], threshold);
            if (anchors.IsEmpty && _listSites.Count == 0 && fromFile.Sites.Count == 0 && _networkId == 0)
            {
                anchors = TrustAnchors.Mainnet;
            }

            return true;
        }

        private static bool ParseKeys(string name, string? value, List<ValidatorKey> keys, out string error)
        {
            error = string.Empty;
            foreach (var part in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (ValidatorKey.TryParse(part) is not { } key)
                {
                    error = $"{name}: '{part}' is not a public key (hex ED…/02…/03… or base58 n…)";
                    return false;
                }

                keys.Add(key);
            }

            return true;
        }

        private static bool ParseFlag(string name, string? value, out bool? flag, out string error)
        {
            var ok = ParseSwitch(name, value, out var on, out error);
            flag = on;
            return ok;
        }

        private static bool ParseSwitch(string name, string? value, out bool on, out string error)
        {
            error = string.Empty;
            switch (value?.ToLowerInvariant())
            {
                case null or "" or "true" or "1" or "yes":
                    on = true;
                    return true;
                case "false" or "0" or "no":
                    on = false;
                    return true;
                default:
                    on = false;
                    error = $"{name}: expected true or false, got '{value}'";
                    return false;
            }
        }

        private static bool ParseEndpoint(string name, string? value, out IPEndPoint endpoint, out string error)
        {
            error = string.Empty;
            if (value is null || !IPEndPoint.TryParse(value, out endpoint!) || value.LastIndexOf(':') < 0
                || (endpoint.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && !value.Contains(']', StringComparison.Ordinal)))
            {
                endpoint = DefaultPeerEndpoint;
                error = $"{name}: expected ip:port or [ipv6]:port, got '{value}'";
                return false;
            }

            return true;
        }

        private static bool ParseNetworkId(string? value, out uint? networkId, out string error)
        {
            error = string.Empty;
            networkId = value?.ToLowerInvariant() switch
            {
                "main" => 0,
                "testnet" => 1,
                "devnet" => 2,
                _ when uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
                _ => null,
            };
            if (networkId is null)
            {
                error = $"xrpl-network-id: expected a number or main, testnet, devnet; got '{value}'";
                return false;
            }

            return true;
        }

        private static bool ParseCount(string name, string? value, out int count, out string error)
        {
            error = string.Empty;
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count > 10_000)
            {
                error = $"{name}: expected a number of peers (0–10000), got '{value}'";
                return false;
            }

            return true;
        }

        private static bool ParseSeconds(string name, string? value, out TimeSpan interval, out string error)
        {
            error = string.Empty;
            interval = TimeSpan.Zero;
            if (!double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || seconds > 86_400)
            {
                error = $"{name}: expected a number of seconds, got '{value}'";
                return false;
            }

            interval = TimeSpan.FromSeconds(seconds);
            return true;
        }

        private static bool ParseNetworks(string? value, out IReadOnlyList<IPNetwork>? networks, out string error)
        {
            error = string.Empty;
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
                    error = $"xrpl-admin-allow: '{part}' is not an address or CIDR network";
                    return false;
                }
            }

            networks = list;
            return true;
        }
    }
}
