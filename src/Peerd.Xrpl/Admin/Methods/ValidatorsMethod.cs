using System.Globalization;
using System.Text.Json.Nodes;
using Peerd.Xrpl.Protocol.Validators;

namespace Peerd.Xrpl.Admin.Methods;

/// <summary>
/// <c>validators</c> (admin): the trust anchors and what they vouch for, in the shape of rippled's
/// <c>ValidatorList::getJson</c> — static keys, each publisher's list (sequence, expiration, count, status), the
/// signing keys, the trusted keys and the quorum.
/// </summary>
internal sealed class ValidatorsMethod(AdminContext node) : RpcMethod
{
    public override string Name => "validators";

    public override bool AdminOnly => true;

    /// <summary>A network time as rippled prints a time point (<c>to_string(NetClock::time_point)</c>).</summary>
    public static string Time(uint seconds) =>
        Protocol.Handshake.NetworkTime.Epoch.AddSeconds(seconds).UtcDateTime.ToString("yyyy-MMM-dd HH:mm:ss.000000000 'UTC'", CultureInfo.InvariantCulture);

    public override Task<JsonObject> InvokeAsync(RpcCall call, CancellationToken cancellationToken)
    {
        var tracker = node.Tracker!;
        var publishers = tracker.Publishers();
        var trusted = tracker.TrustedKeys();
        var lists = new JsonArray();
        foreach (var p in publishers)
        {
            var entry = new JsonObject
            {
                ["available"] = p.Status == PublisherStatus.Available,
                ["pubkey_publisher"] = p.Key.Hex,
                ["status"] = p.Status.ToString().ToLowerInvariant(),
            };
            if (p.Sequence is { } seq)
            {
                entry["seq"] = seq;
                entry["expiration"] = Time(p.Expiration!.Value);
                if (p.Effective is { } effective and > 0)
                {
                    entry["effective"] = Time(effective);
                }

                entry["count"] = p.Count;
                entry["uri"] = p.Uri;
            }

            if (p.Pending.Count > 0)
            {
                entry["remaining"] = new JsonArray([.. p.Pending.Select(r => (JsonNode)new JsonObject { ["seq"] = r.Sequence, ["effective"] = Time(r.Effective) })]);
            }

            lists.Add(entry);
        }

        var signing = new JsonObject();
        foreach (var key in trusted.OrderBy(k => k.Hex, StringComparer.Ordinal))
        {
            if (tracker.FindManifest(key)?.SigningKey is { } ephemeral)
            {
                signing[key.ToBase58()] = ephemeral.ToBase58();
            }
        }

        var expirations = publishers.Where(p => p.Expiration is not null).Select(p => p.Expiration!.Value).ToList();
        var status = publishers.Count == 0 ? "unknown"
            : publishers.All(p => p.Status == PublisherStatus.Available) ? "active"
            : publishers.Any(p => p.Status == PublisherStatus.Expired) ? "expired" : "unknown";
        var result = new JsonObject
        {
            ["local_static_keys"] = new JsonArray([.. tracker.Anchors.StaticValidators.Select(k => (JsonNode)k.ToBase58())]),
            ["publisher_lists"] = lists,
            ["signing_keys"] = signing,
            ["threshold"] = tracker.Anchors.Threshold,
            ["trusted_validator_keys"] = new JsonArray([.. trusted.Select(k => k.ToBase58()).Order(StringComparer.Ordinal).Select(k => (JsonNode)k)]),
            ["validator_list"] = new JsonObject
            {
                ["count"] = publishers.Count,
                ["expiration"] = expirations.Count == 0 ? "unknown" : Time(expirations.Min()),
                ["status"] = status,
            },
        };
        if (tracker.Quorum != int.MaxValue)
        {
            result["validation_quorum"] = tracker.Quorum;
        }

        return Task.FromResult(result);
    }
}
