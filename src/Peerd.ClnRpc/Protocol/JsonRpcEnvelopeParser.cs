using System.Text.Json;

namespace Peerd.ClnRpc.Protocol;

/// <summary>
/// Validates the outer shape of a request in Core Lightning's order (<c>parse_request</c>): object →
/// <c>jsonrpc</c> present → <c>id</c> present → <c>id</c> primitive → <c>jsonrpc</c> is <c>"2.0"</c> →
/// <c>method</c> and <c>params</c> present → <c>method</c> is a string. Errors before the id is validated carry id
/// <c>null</c>; later ones echo the id.
/// </summary>
/// <remarks>
/// Decision on a missing <c>jsonrpc</c>: we keep Core Lightning's behaviour exactly (-32600, id null, then the
/// connection is closed). Every client we must serve sends it (lightning-cli, pyln-client, BTCPayServer's
/// CLightningClient), so accepting its absence would only hide client bugs. One deliberate difference: a top-level
/// value that is not an object gets <c>Expected {} for json command</c> and the connection stays open, where Core
/// Lightning's earlier <c>jsonrpc</c> check reports the missing field and closes.
/// </remarks>
public static class JsonRpcEnvelopeParser
{
    /// <summary>The id echoed before the request's own id is known to be usable.</summary>
    public const string NullId = "null";

    /// <summary>Validates <paramref name="root"/>; <paramref name="rawRequest"/> is quoted in one error text.</summary>
    public static bool TryParse(
        JsonElement root,
        Func<string> rawRequest,
        out JsonRpcEnvelope envelope,
        out JsonRpcRejection? rejection)
    {
        ArgumentNullException.ThrowIfNull(rawRequest);
        envelope = default;
        if (root.ValueKind != JsonValueKind.Object)
        {
            rejection = new(JsonRpcErrors.ExpectedObject, NullId);
            return false;
        }

        if (!RawJson.TryGetFirstMember(root, "jsonrpc", out var jsonrpc))
        {
            rejection = new(JsonRpcErrors.NoJsonRpcMember(rawRequest()), NullId, CloseConnection: true);
            return false;
        }

        if (!RawJson.TryGetFirstMember(root, "id", out var id))
        {
            rejection = new(JsonRpcErrors.NoId, NullId);
            return false;
        }

        if (id.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            rejection = new(JsonRpcErrors.IdNotPrimitive, NullId);
            return false;
        }

        if (jsonrpc.ValueKind != JsonValueKind.String || RawJson.Content(jsonrpc) != "2.0")
        {
            rejection = new(JsonRpcErrors.WrongVersion, NullId);
            return false;
        }

        var idJson = RawJson.Token(id);
        var hasMethod = RawJson.TryGetFirstMember(root, "method", out var method);
        var hasParams = RawJson.TryGetFirstMember(root, "params", out var parameters);
        if (!hasMethod || !hasParams)
        {
            rejection = new(hasMethod ? JsonRpcErrors.NoParams : JsonRpcErrors.NoMethod, idJson);
            return false;
        }

        if (method.ValueKind != JsonValueKind.String)
        {
            rejection = new(JsonRpcErrors.MethodNotString, idJson);
            return false;
        }

        envelope = new JsonRpcEnvelope(idJson, RawJson.Content(method), parameters);
        rejection = null;
        return true;
    }
}
