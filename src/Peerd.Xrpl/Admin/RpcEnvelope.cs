using System.Text.Json;
using System.Text.Json.Nodes;

namespace Peerd.Xrpl.Admin;

/// <summary>Helpers shared by the JSON-RPC and WebSocket envelopes (rippled <c>ServerHandler.cpp</c>).</summary>
internal static class RpcEnvelope
{
    /// <summary>rippled <c>RPC::Tuning::maxRequestSize</c>: larger requests are not parsed.</summary>
    public const int MaxRequestSize = 1_000_000;

    /// <summary>Fields echoed from the request to the response.</summary>
    public static readonly string[] EchoedFields = ["id", "jsonrpc", "ripplerpc"];

    private static readonly string[] MaskedFields = ["passphrase", "secret", "seed", "seed_hex", "admin_password"];

    /// <summary>
    /// rippled <c>getAPIVersionNumber</c>: an <c>api_version</c>, when present, must be an integer from 1 to 2;
    /// anything else is <c>invalid_API_version</c>.
    /// </summary>
    public static bool HasInvalidApiVersion(JsonObject request)
    {
        if (!request.TryGetPropertyValue("api_version", out var node))
        {
            return false;
        }

        if (node?.GetValueKind() != JsonValueKind.Number || !node.GetValue<JsonElement>().TryGetInt64(out var version))
        {
            return true;
        }

        return version is < 1 or > 2;
    }

    /// <summary>A copy of the request for the error's <c>request</c> field, with secrets masked.</summary>
    public static JsonObject MaskedCopy(JsonObject request)
    {
        var copy = (JsonObject)request.DeepClone();
        foreach (var field in MaskedFields)
        {
            if (copy.ContainsKey(field))
            {
                copy[field] = "<masked>";
            }
        }

        return copy;
    }

    /// <summary>Parses a request body; null (with the parser's complaint) when it is not a non-empty JSON object.</summary>
    public static JsonObject? TryParseObject(ReadOnlySpan<byte> utf8, out string why)
    {
        why = string.Empty;
        try
        {
            // JsonNode parses lazily: a string that is not UTF-8, or an escaped lone surrogate, would throw only when
            // a method reads it. Read every string once here so such a request is refused as unparseable.
            ReadEveryString(utf8);
            // Duplicate keys fail here, at any depth, not later inside a method.
            var node = JsonNode.Parse(utf8, documentOptions: new JsonDocumentOptions { MaxDepth = 64, AllowDuplicateProperties = false });
            if (node is JsonObject obj)
            {
                _ = obj.Count;
                return obj;
            }

            return null;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            why = e.Message;
            return null;
        }
    }

    private static void ReadEveryString(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 64 });
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
            {
                _ = reader.GetString();
            }
        }
    }
}
