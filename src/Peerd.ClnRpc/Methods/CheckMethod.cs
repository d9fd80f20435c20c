using System.Buffers;
using System.Text.Json;
using Peerd.ClnRpc.Dispatch;
using Peerd.ClnRpc.Protocol;

namespace Peerd.ClnRpc.Methods;

/// <summary>
/// <c>check command_to_check [params…]</c>: checks another command's parameters without running it, as Core
/// Lightning's <c>json_check</c>: the command is looked up (<c>-32601 Unknown command '&lt;name&gt;'</c>), its name
/// is removed from the parameters (the first element, or the <c>command_to_check</c> member), the rest is checked as
/// that command checks it, and a pass answers <c>{"command_to_check":"&lt;name&gt;"}</c>. A method that checks more
/// than its parameters (<see cref="IRpcMethod.HandlesCheckOnly"/>, e.g. <c>connect</c>'s host) runs in check-only mode
/// and stops before acting. In check mode a bad value's error quotes the token, as Core Lightning's does there:
/// <c>id: should be a node id: invalid token '"x"'</c>.
/// </summary>
public static class CheckMethod
{
    private const string Name = "command_to_check";
    private const string HiddenTokenSuffix = ": invalid token (see logs for details)";

    /// <summary>Creates the method over <paramref name="dispatcher"/>'s table.</summary>
    public static RpcMethod Create(RpcDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        return new RpcMethod(
            "check",
            [RpcParameter.Required(Name)],
            (call, cancellationToken) => CheckAsync(dispatcher, call, cancellationToken),
            RpcParameterChecking.ByMethod)
        { HandlesCheckOnly = true };
    }

    private static async ValueTask<RpcResult> CheckAsync(RpcDispatcher dispatcher, RpcCall call, CancellationToken cancellationToken)
    {
        if (!TrySplit(call.RawParams, out var command, out var rest, out var error))
        {
            return error!;
        }

        var name = RawJson.Content(command);
        if (!dispatcher.TryGetMethod(name, out var method))
        {
            return JsonRpcErrors.UnknownCommand(name);
        }

        using var document = JsonDocument.Parse(rest, new JsonDocumentOptions { MaxDepth = RpcLimits.MaxRequestDepth });
        var parameters = RpcParameterBinder.Bind(method.Parameters, document.RootElement);
        using var inner = new RpcCall(document, method, call.IdJson, parameters, null, call.Session, document.RootElement, checkOnly: true);
        RpcResult result;
        if (method.ParameterChecking == RpcParameterChecking.ByDispatcher || !method.HandlesCheckOnly)
        {
            var parameterError = method.ParameterChecking == RpcParameterChecking.ByDispatcher
                ? parameters.CheckInOrder()
                : parameters.Completion;
            result = parameterError is null && method.HandlesCheckOnly
                ? await method.InvokeAsync(inner, cancellationToken).ConfigureAwait(false)
                : parameterError ?? inner.CheckDone();
        }
        else
        {
            result = await method.InvokeAsync(inner, cancellationToken).ConfigureAwait(false);
        }

        return result.Error is { } failed ? ShowToken(failed, parameters) : result;
    }

    /// <summary>The command token and the parameters without it, as JSON bytes (<c>json_tok_remove</c>).</summary>
    private static bool TrySplit(JsonElement parameters, out JsonElement command, out byte[] rest, out RpcError? error)
    {
        command = default;
        rest = [];
        error = null;
        var buffer = new ArrayBufferWriter<byte>(256);
        var found = false;
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (parameters.ValueKind == JsonValueKind.Array)
            {
                writer.WriteStartArray();
                foreach (var element in parameters.EnumerateArray())
                {
                    if (!found)
                    {
                        command = element;
                        found = true;
                        continue;
                    }

                    element.WriteTo(writer);
                }

                writer.WriteEndArray();
            }
            else
            {
                writer.WriteStartObject();
                foreach (var member in parameters.EnumerateObject())
                {
                    if (member.NameEquals(Name))
                    {
                        if (found)
                        {
                            error = JsonRpcErrors.DuplicateName(Name);
                            return false;
                        }

                        command = member.Value;
                        found = true;
                        continue;
                    }

                    member.WriteTo(writer);
                }

                writer.WriteEndObject();
            }
        }

        // A positional JSON null is "not given", as for any parameter.
        if (!found || (parameters.ValueKind == JsonValueKind.Array && command.ValueKind == JsonValueKind.Null))
        {
            error = JsonRpcErrors.MissingParameter(Name);
            return false;
        }

        rest = buffer.WrittenSpan.ToArray();
        return true;
    }

    /// <summary>
    /// <c>command_fail_badparam</c> in check mode quotes the token: the argument named at the start of the message.
    /// </summary>
    private static RpcResult ShowToken(RpcError error, RpcParameters parameters)
    {
        if (!error.Message.EndsWith(HiddenTokenSuffix, StringComparison.Ordinal))
        {
            return error;
        }

        foreach (var argument in parameters.Given)
        {
            if (error.Message.StartsWith(argument.Name + ": ", StringComparison.Ordinal))
            {
                var head = error.Message[..^HiddenTokenSuffix.Length];
                return new RpcError(error.Code, $"{head}: invalid token '{RawJson.Token(argument.Value)}'");
            }
        }

        return error;
    }
}
