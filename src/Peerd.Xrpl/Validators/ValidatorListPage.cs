using System.Globalization;
using System.Text.Json.Nodes;
using Peerd.Primitives;
using Peerd.Xrpl.Protocol.Validators;

namespace Peerd.Xrpl.Validators;

/// <summary>
/// rippled's <c>/vl/[version/]&lt;publisher key hex&gt;</c> on the peer port (<c>OverlayImpl::processValidatorList</c>):
/// the publisher's current lists as <c>buildFileData</c> writes them (version 1 by default), 404 when the publisher has
/// no available list, 400 for a key that is not one.
/// </summary>
public static class ValidatorListPage
{
    /// <summary>The prefix.</summary>
    public const string Prefix = "/vl/";

    /// <summary>
    /// Answers <paramref name="target"/>: null when it is not a <c>/vl/</c> request rippled would answer (it then
    /// goes on as any other request), else the status and, for 200, the body.
    /// </summary>
    public static (int Status, JsonObject? Body)? Answer(string target, IReadOnlyList<PublisherView> publishers)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(publishers);
        if (!target.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var key = target[Prefix.Length..];
        uint version = 1;
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (!uint.TryParse(key[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out version))
            {
                return null;
            }

            key = key[(slash + 1)..];
        }

        if (key.Length == 0)
        {
            return null;
        }

        if (!Hex.TryDecode(key, out var raw) || ValidatorKey.TryCreate(raw) is not { } publisher)
        {
            return (400, null);
        }

        var view = publishers.FirstOrDefault(p => p.Key.Equals(publisher));
        var body = version switch
        {
            1 => view?.Version1,
            2 => view?.Version2,
            _ => null,
        };
        if (view is null || body is null)
        {
            return (view is not null && version is not (1 or 2)) ? (400, null) : (404, null);
        }

        // rippled echoes the key as the client wrote it.
        body["public_key"] = key;
        return (200, body);
    }
}
