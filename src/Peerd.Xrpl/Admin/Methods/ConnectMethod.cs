using System.Text.Json;
using System.Text.Json.Nodes;
using Peerd.Xrpl.Overlay;

namespace Peerd.Xrpl.Admin.Methods;

/// <summary>
/// <c>connect</c> (admin): dial a peer. Checks in rippled's order — reporting mode, stand-alone mode, <c>ip</c>
/// present and a string, <c>port</c> an integer — then answers <c>{"message":"connecting"}</c> while the dial goes
/// on in the background. Extension: <c>"wait": true</c> answers with the outcome (<c>connected</c>, or the error
/// <c>connectFailed</c> with the stage and reason); every attempt is also listed by <c>connections</c>.
/// </summary>
internal sealed class ConnectMethod(AdminContext node) : RpcMethod
{
    public override string Name => "connect";

    public override bool AdminOnly => true;

    public override async Task<JsonObject> InvokeAsync(RpcCall call, CancellationToken cancellationToken)
    {
        if (node.Options.Reporting)
        {
            return RpcError.ReportingUnsupported.ToJson();
        }

        if (node.Options.Standalone)
        {
            return RpcError.NotSynced.ToJson("Cannot connect in stand-alone mode.");
        }

        var p = call.Params;
        if (!p.TryGetPropertyValue("ip", out var ipNode))
        {
            return RpcError.MissingField("ip");
        }

        if (ipNode?.GetValueKind() != JsonValueKind.String)
        {
            return RpcError.InvalidParams.ToJson("Invalid field 'ip', not a string.");
        }

        int? port = null;
        if (p.TryGetPropertyValue("port", out var portNode))
        {
            if (!TryGetPort(portNode, out var value))
            {
                return RpcError.InvalidParams.ToJson();
            }

            port = value;
        }

        var wait = false;
        if (p.TryGetPropertyValue("wait", out var waitNode))
        {
            if (waitNode?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                return RpcError.ExpectedField("wait", "bool");
            }

            wait = waitNode.GetValue<bool>();
        }

        if (!ConnectTarget.TryParse(ipNode.GetValue<string>(), out var host, out var portInIp))
        {
            return RpcError.InvalidField("ip");
        }

        // `port` wins over a port inside `ip`; rippled's default is 2459.
        var attempt = node.Overlay.Connect(host, port ?? portInIp ?? XrplTuning.DefaultConnectPort);
        if (!wait)
        {
            return new JsonObject { ["message"] = "connecting" };
        }

        var outcome = await attempt.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (outcome.Outcome == ConnectionOutcome.Connected)
        {
            return new JsonObject { ["message"] = "connected", ["attempt"] = AdminJson.Attempt(outcome) };
        }

        var error = RpcError.ConnectFailed.ToJson($"Connection to {outcome.Target} failed at {XrplOverlay.Stage(outcome.Stage)}: {outcome.FailureReason}");
        error["attempt"] = AdminJson.Attempt(outcome);
        return error;
    }

    // rippled accepts anything `isConvertibleTo(intValue)`; we take integral numbers that are valid ports.
    private static bool TryGetPort(JsonNode? node, out int port)
    {
        port = 0;
        if (node?.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        var element = node.GetValue<JsonElement>();
        if (!element.TryGetDouble(out var number) || number != Math.Floor(number) || number is < 1 or > 65535)
        {
            return false;
        }

        port = (int)number;
        return true;
    }
}
