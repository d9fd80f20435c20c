using System.Globalization;
using System.Text.Json.Nodes;
using Peerd.Xrpl.Validators;

namespace Peerd.Xrpl.Admin.Methods;

/// <summary><c>validator_list_sites</c> (admin): each configured site's last fetch, as rippled's <c>ValidatorSite::getJson</c>.</summary>
internal sealed class ValidatorListSitesMethod(Func<IReadOnlyList<SiteView>> sites) : RpcMethod
{
    public override string Name => "validator_list_sites";

    public override bool AdminOnly => true;

    public override Task<JsonObject> InvokeAsync(RpcCall call, CancellationToken cancellationToken)
    {
        var list = new JsonArray();
        foreach (var site in sites())
        {
            var entry = new JsonObject { ["uri"] = site.Uri, ["refresh_interval_min"] = site.RefreshMinutes };
            if (site.LastTime is { } last)
            {
                entry["last_refresh_time"] = Format(last);
                entry["last_refresh_status"] = site.LastStatus;
            }

            if (site.LastMessage is { } message)
            {
                entry["last_refresh_message"] = message;
            }

            if (site.NextTime is { } next)
            {
                entry["next_refresh_time"] = Format(next);
            }

            list.Add(entry);
        }

        return Task.FromResult(new JsonObject { ["validator_sites"] = list });
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MMM-dd HH:mm:ss.000000000 'UTC'", CultureInfo.InvariantCulture);
}
