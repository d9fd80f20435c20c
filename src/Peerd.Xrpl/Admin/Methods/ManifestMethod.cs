using System.Text.Json;
using System.Text.Json.Nodes;
using Peerd.Xrpl.Protocol.Validators;

namespace Peerd.Xrpl.Admin.Methods;

/// <summary>
/// <c>manifest</c> (anyone): the newest manifest known for a validator's master or ephemeral key, as rippled answers
/// it — <c>{requested, manifest, details: {domain, ephemeral_key, master_key, seq}}</c>, only <c>requested</c> when
/// unknown.
/// </summary>
internal sealed class ManifestMethod(AdminContext node) : RpcMethod
{
    public override string Name => "manifest";

    public override bool AdminOnly => false;

    public override Task<JsonObject> InvokeAsync(RpcCall call, CancellationToken cancellationToken)
    {
        if (!call.Params.TryGetPropertyValue("public_key", out var value) || value is null)
        {
            return Task.FromResult(RpcError.MissingField("public_key"));
        }

        if (value.GetValueKind() != JsonValueKind.String || ValidatorKey.TryParse(value.GetValue<string>()) is not { } key || value.GetValue<string>().Length == 66)
        {
            return Task.FromResult(RpcError.InvalidField("public_key"));
        }

        var requested = value.GetValue<string>();
        var result = new JsonObject { ["requested"] = requested };
        if (node.Tracker?.FindManifest(key) is { } manifest)
        {
            result["manifest"] = manifest.Base64;
            var details = new JsonObject
            {
                ["domain"] = manifest.Domain ?? string.Empty,
                ["master_key"] = manifest.MasterKey.ToBase58(),
                ["seq"] = manifest.Sequence,
            };
            if (manifest.SigningKey is { } signing)
            {
                details["ephemeral_key"] = signing.ToBase58();
            }

            result["details"] = details;
        }

        return Task.FromResult(result);
    }
}
