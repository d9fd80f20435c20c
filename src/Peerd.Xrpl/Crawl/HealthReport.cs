using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Peerd.Xrpl.Crawl;

/// <summary>rippled's three health levels; the worst finding wins.</summary>
public enum HealthState
{
    /// <summary>Nothing to report: <c>200 OK</c>.</summary>
    Healthy,

    /// <summary>Degraded: <c>503 Service Unavailable</c>.</summary>
    Warning,

    /// <summary>Not usable: <c>500 Internal Server Error</c>.</summary>
    Critical,
}

/// <summary>
/// The body and verdict of <c>GET /health</c>, judged from <c>server_info</c> by rippled's rules
/// (<c>OverlayImpl::processHealth</c>). Each finding is listed under <c>info</c>:
/// <list type="bullet">
/// <item><c>validated_ledger</c> (its age, -1 when there is none): age 7–19 s is a warning; 20 s or more, or none, critical.</item>
/// <item><c>amendment_blocked</c>: critical.</item>
/// <item><c>peers</c> when 7 or fewer: a warning, critical at 0.</item>
/// <item><c>server_state</c> unless <c>full</c>/<c>validating</c>/<c>proposing</c>: <c>syncing</c>/<c>tracking</c>/<c>connected</c>
/// are a warning, anything else critical.</item>
/// <item><c>load_factor</c> (<c>load_factor_server / load_base</c>) above 100: a warning, critical from 1000.</item>
/// </list>
/// Peerd keeps no ledger, so its <c>server_info</c> has no <c>validated_ledger</c> and it is always critical — as rippled
/// reports a server without a validated ledger. It has no load figures either; those checks are skipped.
/// </summary>
public static class HealthReport
{
    /// <summary>A validated ledger at least this old (seconds) is worth reporting: rippled's 7.</summary>
    public const int LedgerAgeWarning = 7;

    /// <summary>A validated ledger at least this old (seconds) is critical: rippled's 20.</summary>
    public const int LedgerAgeCritical = 20;

    /// <summary>This many peers or fewer is worth reporting: rippled's 7.</summary>
    public const int FewPeers = 7;

    /// <summary>A load factor above this is a warning: rippled's 100.</summary>
    public const double LoadWarning = 100;

    /// <summary>A load factor at or above this is critical: rippled's 1000.</summary>
    public const double LoadCritical = 1000;

    /// <summary>Judges the <c>server_info</c> <c>info</c> object; returns the level and the body <c>{"info":{…}}</c>.</summary>
    public static (HealthState State, JsonObject Body) Evaluate(JsonObject serverInfo)
    {
        ArgumentNullException.ThrowIfNull(serverInfo);
        var state = HealthState.Healthy;
        var info = new JsonObject();

        void Report(string field, JsonNode value, HealthState level)
        {
            info[field] = value;
            state = level > state ? level : state;
        }

        var ledgerAge = Number(serverInfo["validated_ledger"]?["age"]) is { } age ? (int)age : -1;
        if (ledgerAge >= LedgerAgeWarning || ledgerAge < 0)
        {
            Report("validated_ledger", ledgerAge, ledgerAge is >= 0 and < LedgerAgeCritical ? HealthState.Warning : HealthState.Critical);
        }

        if (serverInfo.ContainsKey("amendment_blocked"))
        {
            Report("amendment_blocked", true, HealthState.Critical);
        }

        var peers = Number(serverInfo["peers"]) is { } count ? (int)count : 0;
        if (peers <= FewPeers)
        {
            Report("peers", peers, peers == 0 ? HealthState.Critical : HealthState.Warning);
        }

        var serverState = serverInfo["server_state"] is JsonValue s && s.TryGetValue<string>(out var text) ? text : string.Empty;
        if (serverState is not ("full" or "validating" or "proposing"))
        {
            Report("server_state", serverState, serverState is "syncing" or "tracking" or "connected" ? HealthState.Warning : HealthState.Critical);
        }

        if (Number(serverInfo["load_factor_server"]) is { } factor && Number(serverInfo["load_base"]) is { } loadBase && loadBase > 0)
        {
            var load = factor / loadBase;
            if (load > LoadWarning)
            {
                Report("load_factor", load, load < LoadCritical ? HealthState.Warning : HealthState.Critical);
            }
        }

        return (state, new JsonObject { ["info"] = info });
    }

    /// <summary>A JSON number of any CLR type behind it; null when absent or not a number.</summary>
    private static double? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : null;

    /// <summary>The HTTP status of a level: 200, 503 or 500, as rippled.</summary>
    public static (int Code, string Reason) Status(HealthState state) => state switch
    {
        HealthState.Healthy => (200, "OK"),
        HealthState.Warning => (503, "Service Unavailable"),
        _ => (500, "Internal Server Error"),
    };
}
