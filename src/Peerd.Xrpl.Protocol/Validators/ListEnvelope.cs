using System.Text.Json;
using System.Text.Json.Nodes;

namespace Peerd.Xrpl.Protocol.Validators;

/// <summary>One blob of a list message: its base64 JSON, hex signature and optional own manifest.</summary>
/// <param name="Blob">Base64 of the signed JSON.</param>
/// <param name="Signature">Hex of the publisher's signature.</param>
/// <param name="Manifest">A per-blob publisher manifest (v2), or null.</param>
public sealed record ListBlobInfo(string Blob, string Signature, string? Manifest);

/// <summary>
/// A published validator list as sites serve it, rippled caches it and <c>/vl/</c> returns it: version 1
/// (<c>manifest</c>, <c>blob</c>, <c>signature</c>) or version 2 (<c>manifest</c>, <c>blobs_v2</c>).
/// </summary>
/// <param name="Manifest">The publisher manifest (base64).</param>
/// <param name="Version">1 or 2 (others are refused later as <see cref="ListDisposition.UnsupportedVersion"/>).</param>
/// <param name="Blobs">The blobs.</param>
/// <param name="PublicKey">The <c>public_key</c> member, if present (informative: the manifest decides).</param>
public sealed record ListEnvelope(string Manifest, uint Version, IReadOnlyList<ListBlobInfo> Blobs, string? PublicKey)
{
    /// <summary>Bounds a v2 message (rippled's <c>maxSupportedBlobs</c>).</summary>
    public const int MaxBlobs = 5;

    /// <summary>Reads the site/file JSON form; null with the reason when it does not have rippled's shape.</summary>
    public static ListEnvelope? TryParseJson(ReadOnlySpan<byte> json, out string error)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json.ToArray(), documentOptions: new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            error = "not JSON";
            return null;
        }

        if (root is not JsonObject obj || !TryString(obj, "manifest", out var manifest) || obj["version"] is not JsonValue v || !v.TryGetValue<uint>(out var version))
        {
            error = "needs a string manifest and a numeric version";
            return null;
        }

        var publicKey = TryString(obj, "public_key", out var key) ? key : null;
        var blobs = new List<ListBlobInfo>();
        if (version != 2)
        {
            // Version 1, or an unknown version in version 1's shape (refused later as unsupported).
            if (!TryString(obj, "blob", out var blob) || !TryString(obj, "signature", out var signature))
            {
                error = "a version 1 list needs blob and signature";
                return null;
            }

            blobs.Add(new ListBlobInfo(blob, signature, null));
        }
        else if (obj["blobs_v2"] is JsonArray array)
        {
            if (array.Count is 0 or > MaxBlobs)
            {
                error = $"a version 2 list needs 1 to {MaxBlobs} blobs_v2 entries";
                return null;
            }

            foreach (var item in array)
            {
                if (item is not JsonObject b || !TryString(b, "blob", out var blob) || !TryString(b, "signature", out var signature))
                {
                    error = "a blobs_v2 entry needs blob and signature";
                    return null;
                }

                blobs.Add(new ListBlobInfo(blob, signature, TryString(b, "manifest", out var own) ? own : null));
            }
        }
        else
        {
            error = "a version 2 list needs blobs_v2";
            return null;
        }

        error = string.Empty;
        return new ListEnvelope(manifest, version, blobs, publicKey);
    }

    private static bool TryString(JsonObject obj, string name, out string value)
    {
        value = string.Empty;
        if (obj[name] is JsonValue node && node.TryGetValue<string>(out var s))
        {
            value = s;
            return true;
        }

        return false;
    }
}
