using System.Text.Json;

namespace Peerd.ClnRpc.Filtering;

/// <summary>
/// A request's <c>"filter"</c> member, Core Lightning's field filtering (<c>doc/lightningd-rpc.7.md</c>, "FIELD
/// FILTERING"; <c>common/json_filter.c</c>): a template whose keys name the result members to keep. One node of the
/// template is a leaf (<c>true</c> or <c>{}</c>), an object of members, or an array with one element that applies to
/// every element of a result array. Immutable once parsed; <see cref="JsonFilterWriter"/> applies it.
/// </summary>
/// <remarks>
/// Parsing follows <c>parse_filter</c>/<c>build_filter</c> exactly: the top level must be an object; a member's value
/// must be <c>true</c>, an object or an array; an array must have exactly one element, and that element, if it is not
/// an object or an array, is not checked (<c>[1]</c> is a leaf, as there); of duplicate keys the first wins (its
/// <c>strmap_add</c> refuses the second), though the second is still checked. Keys are compared decoded, as the
/// dispatcher compares parameter names (Core Lightning compares a key's raw text, so <c>"id"</c> selects
/// nothing there and <c>id</c> here). Recursion is bounded by the request's
/// own nesting limit (<see cref="RpcLimits.MaxRequestDepth"/>), which the parsed document already obeys.
/// </remarks>
public sealed class JsonFilter
{
    /// <summary>The request member that carries the filter, also the name in its error texts.</summary>
    public const string MemberName = "filter";

    private static readonly Dictionary<string, JsonFilter> NoMembers = new(StringComparer.Ordinal);

    private JsonFilter(Dictionary<string, JsonFilter> members, JsonFilter? element)
    {
        Members = members;
        Element = element;
    }

    /// <summary>The template of each element when this node is an array (<c>[{…}]</c>); null otherwise.</summary>
    public JsonFilter? Element { get; }

    /// <summary>The selected members when this node is an object; empty for a leaf or an array.</summary>
    public IReadOnlyDictionary<string, JsonFilter> Members { get; }

    /// <summary>A leaf: <c>true</c>, <c>{}</c>, or an unchecked primitive inside an array.</summary>
    public bool IsLeaf => Element is null && Members.Count == 0;

    /// <summary>
    /// Parses <paramref name="filter"/>; on failure <paramref name="error"/> is Core Lightning's
    /// <c>command_fail_badparam</c> text (-32602), e.g. <c>filter: Expected object: invalid token (see logs for details)</c>.
    /// </summary>
    public static bool TryParse(JsonElement filter, out JsonFilter? result, out RpcError? error)
    {
        result = null;
        if (filter.ValueKind != JsonValueKind.Object)
        {
            error = Bad("Expected object");
            return false;
        }

        result = Build(filter, out error);
        return error is null;
    }

    private static JsonFilter Build(JsonElement template, out RpcError? error)
    {
        error = null;
        if (template.ValueKind == JsonValueKind.Array)
        {
            if (template.GetArrayLength() != 1)
            {
                error = Bad("Arrays can only have one element");
                return null!;
            }

            var element = template[0];
            var child = element.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? Build(element, out error) : Leaf();
            return new JsonFilter(NoMembers, child);
        }

        if (template.ValueKind != JsonValueKind.Object)
        {
            // A primitive as an array's element: build_filter walks its (absent) members and accepts it.
            return Leaf();
        }

        var members = new Dictionary<string, JsonFilter>(StringComparer.Ordinal);
        foreach (var member in template.EnumerateObject())
        {
            JsonFilter child;
            if (member.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                child = Build(member.Value, out error);
                if (error is not null)
                {
                    return null!;
                }
            }
            else if (member.Value.ValueKind == JsonValueKind.True)
            {
                child = Leaf();
            }
            else
            {
                error = Bad("value must be true");
                return null!;
            }

            members.TryAdd(member.Name, child);
        }

        return new JsonFilter(members.Count == 0 ? NoMembers : members, null);
    }

    private static JsonFilter Leaf() => new(NoMembers, null);


    private static RpcError Bad(string problem) => RpcError.BadParameter(MemberName, problem);
}
