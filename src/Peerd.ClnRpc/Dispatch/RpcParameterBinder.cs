using System.Text.Json;
using Peerd.ClnRpc.Protocol;

namespace Peerd.ClnRpc.Dispatch;

/// <summary>
/// Binds a request's <c>params</c> to a method's parameter list, following Core Lightning's
/// <c>parse_by_position</c> and <c>parse_by_name</c> (<c>common/json_param.c</c>).
/// </summary>
public static class RpcParameterBinder
{
    /// <summary>
    /// Binds <paramref name="parameters"/> (an array or an object; the caller rejects anything else). Positional:
    /// JSON null means "not given"; an element beyond the list stops binding with <c>too many parameters: got N,
    /// expected M</c>. Named: every value counts as given (null included); an unknown name or a repeated one stops
    /// binding with its error.
    /// </summary>
    public static RpcParameters Bind(IReadOnlyList<RpcParameter> spec, JsonElement parameters)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return parameters.ValueKind switch
        {
            JsonValueKind.Array => ByPosition(spec, parameters),
            JsonValueKind.Object => ByName(spec, parameters),
            _ => throw new ArgumentException("params must be an array or an object", nameof(parameters)),
        };
    }

    private static RpcParameters ByPosition(IReadOnlyList<RpcParameter> spec, JsonElement array)
    {
        var positional = 0;
        while (positional < spec.Count && !spec[positional].IsNamedOnly)
        {
            positional++;
        }

        var given = new List<RpcArgument>(Math.Min(array.GetArrayLength(), positional));
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            if (index == positional)
            {
                return new RpcParameters(spec, given, JsonRpcErrors.TooManyParameters(array.GetArrayLength(), positional));
            }

            if (element.ValueKind != JsonValueKind.Null)
            {
                given.Add(new RpcArgument(spec[index], index, element));
            }

            index++;
        }

        return new RpcParameters(spec, given, null);
    }

    private static RpcParameters ByName(IReadOnlyList<RpcParameter> spec, JsonElement obj)
    {
        var given = new List<RpcArgument>(spec.Count);
        foreach (var member in obj.EnumerateObject())
        {
            var index = IndexOf(spec, member);
            if (index < 0)
            {
                return new RpcParameters(spec, given, JsonRpcErrors.UnknownParameter(member.Name));
            }

            if (given.Exists(a => a.Index == index))
            {
                return new RpcParameters(spec, given, JsonRpcErrors.DuplicateName(spec[index].Name));
            }

            given.Add(new RpcArgument(spec[index], index, member.Value));
        }

        return new RpcParameters(spec, given, null);
    }

    private static int IndexOf(IReadOnlyList<RpcParameter> spec, JsonProperty member)
    {
        for (var i = 0; i < spec.Count; i++)
        {
            if (member.NameEquals(spec[i].Name))
            {
                return i;
            }
        }

        return -1;
    }
}
