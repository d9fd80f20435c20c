using System.Text.Json;

namespace Peerd.Xrpl.Protocol.Validators;

/// <summary>
/// The signed JSON inside a validator list (<c>blob</c>, base64): sequence, expiration, optional effective time (both
/// in seconds since the XRPL epoch, 2000-01-01) and the validators with their manifests.
/// </summary>
/// <param name="Sequence">The list's sequence.</param>
/// <param name="Effective">When it takes effect (0 when absent).</param>
/// <param name="Expiration">When it expires.</param>
/// <param name="Validators">The listed master keys; entries rippled skips ("Invalid node identity") are left out.</param>
/// <param name="Manifests">The listed validators' manifests (base64), as given.</param>
public sealed record ListBlob(uint Sequence, uint Effective, uint Expiration, IReadOnlyList<ValidatorKey> Validators, IReadOnlyList<string> Manifests)
{
    /// <summary>Reads the blob's JSON as <c>ValidatorList::verify</c> checks it; null when it does not qualify.</summary>
    public static ListBlob? TryParse(ReadOnlySpan<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !TryInt(root, "sequence", out var sequence)
                || !TryInt(root, "expiration", out var expiration)
                || !root.TryGetProperty("validators", out var validators) || validators.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var effective = 0u;
            if (root.TryGetProperty("effective", out _) && !TryInt(root, "effective", out effective))
            {
                return null;
            }

            var keys = new List<ValidatorKey>();
            var manifests = new List<string>();
            foreach (var entry in validators.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("validation_public_key", out var key) || key.ValueKind != JsonValueKind.String)
                {
                    continue;
                }

                var hex = key.GetString()!;
                if (Peerd.Primitives.Hex.TryDecode(hex, out var raw) && ValidatorKey.TryCreate(raw) is { } parsed)
                {
                    keys.Add(parsed);
                }

                if (entry.TryGetProperty("manifest", out var manifest) && manifest.ValueKind == JsonValueKind.String)
                {
                    manifests.Add(manifest.GetString()!);
                }
            }

            return new ListBlob(sequence, effective, expiration, keys, manifests);
        }
    }

    // jsoncpp's isInt(): an integer that fits a signed 32-bit value; rippled then reads it with asUInt().
    private static bool TryInt(JsonElement root, string name, out uint value)
    {
        value = 0;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var number) || number < 0)
        {
            return false;
        }

        value = (uint)number;
        return true;
    }
}
