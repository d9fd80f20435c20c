using System.Text.Json;

namespace Peerd.ClnRpc.Filtering;

/// <summary>
/// Writes a method's result through a <see cref="JsonFilter"/>, with the outcome of Core Lightning's streaming filter
/// (<c>common/json_filter.c</c>: <c>json_filter_ok</c>, <c>json_filter_down</c>, <c>json_filter_up</c>, as
/// <c>common/json_stream.c</c> calls them for each member it adds inside <c>"result"</c>):
/// <list type="bullet">
/// <item>In an object, a primitive member is kept when the filter node names it (whatever the template below the
/// name); an object or array member is kept when named, filtered by its template, or kept whole when the node is a
/// leaf. So a leaf reached by name keeps an object's nested objects and arrays whole but drops its primitive
/// members (<c>{"our_features":true}</c> gives <c>"our_features":{}</c>), exactly as Core Lightning does.</item>
/// <item>In an array, each element is filtered by the node's element template, or kept whole by a leaf.</item>
/// <item>An array template met by an object member, or an object template met by an array element, drops it and
/// is reported once at the end as <c>"warning_parameter_filter":".fallbacks is an array"</c>; after such a drop, the
/// remaining primitive elements of that array are dropped too, as there.</item>
/// </list>
/// Member order is the result's own. Errors are never filtered (Core Lightning attaches the filter only to a
/// success's <c>"result"</c>).
/// </summary>
/// <remarks>
/// Recursion follows the filter's nesting, which is bounded by <see cref="RpcLimits.MaxRequestDepth"/>; once a leaf
/// is reached the rest of the value is copied by <see cref="JsonElement.WriteTo"/>.
/// </remarks>
public static class JsonFilterWriter
{
    /// <summary>The member Core Lightning appends to a result when the filter did not fit its shape.</summary>
    public const string WarningMember = "warning_parameter_filter";

    /// <summary>
    /// Writes <paramref name="result"/> filtered by <paramref name="filter"/>. A result that is not an object (none of
    /// ours) is written unchanged.
    /// </summary>
    public static void Write(JsonFilter filter, JsonElement result, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(writer);
        if (result.ValueKind != JsonValueKind.Object)
        {
            result.WriteTo(writer);
            return;
        }

        var misused = new HashSet<JsonFilter>(ReferenceEqualityComparer.Instance);
        writer.WriteStartObject();
        WriteMembers(filter, result, writer, misused);
        if (misused.Count > 0 && Misuse(filter, misused) is { } warning)
        {
            writer.WriteString(WarningMember, warning);
        }

        writer.WriteEndObject();
    }

    private static void WriteMembers(JsonFilter node, JsonElement obj, Utf8JsonWriter writer, HashSet<JsonFilter> misused)
    {
        foreach (var member in obj.EnumerateObject())
        {
            if (!IsContainer(member.Value))
            {
                if (node.Members.ContainsKey(member.Name))
                {
                    member.WriteTo(writer);
                }
            }
            else if (node.IsLeaf)
            {
                member.WriteTo(writer);
            }
            else if (node.Element is not null)
            {
                misused.Add(node);
            }
            else if (node.Members.TryGetValue(member.Name, out var child))
            {
                writer.WritePropertyName(member.Name);
                WriteContainer(child, member.Value, writer, misused);
            }
        }
    }

    private static void WriteElements(JsonFilter node, JsonElement array, Utf8JsonWriter writer, HashSet<JsonFilter> misused)
    {
        var positive = true;
        WriteElements(node, array, writer, misused, ref positive);
    }

    /// <summary>
    /// Writes <paramref name="array"/>'s elements (not the brackets) through <paramref name="node"/>. An array may come
    /// in several parts (a streamed result): <paramref name="positive"/> carries the state from one part to the next.
    /// </summary>
    internal static void WriteElements(JsonFilter node, JsonElement array, Utf8JsonWriter writer, HashSet<JsonFilter> misused, ref bool positive)
    {
        // json_filter_ok(filter, NULL) answers the node's "positive" flag, which a refused element clears until the
        // array ends.
        foreach (var element in array.EnumerateArray())
        {
            if (!IsContainer(element))
            {
                if (positive)
                {
                    element.WriteTo(writer);
                }
            }
            else if (node.IsLeaf)
            {
                element.WriteTo(writer);
            }
            else if (node.Element is { } template)
            {
                WriteContainer(template, element, writer, misused);
            }
            else
            {
                misused.Add(node);
                positive = false;
            }
        }
    }

    private static void WriteContainer(JsonFilter node, JsonElement value, Utf8JsonWriter writer, HashSet<JsonFilter> misused)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            writer.WriteStartObject();
            WriteMembers(node, value, writer, misused);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteStartArray();
            WriteElements(node, value, writer, misused);
            writer.WriteEndArray();
        }
    }

    /// <summary>The warning to append for <paramref name="misused"/> nodes under <paramref name="filter"/>, or null.</summary>
    internal static string? Warning(JsonFilter filter, HashSet<JsonFilter> misused) => misused.Count > 0 ? Misuse(filter, misused) : null;

    /// <summary>
    /// <c>json_filter_misused</c>: the first misused node in template order (members by name, as its string map
    /// iterates), as a path: <c>.peers[].netaddr is an object</c>.
    /// </summary>
    private static string? Misuse(JsonFilter node, HashSet<JsonFilter> misused)
    {
        if (misused.Contains(node))
        {
            return node.Element is not null ? " is an object" : " is an array";
        }

        if (node.Element is { } template)
        {
            return Misuse(template, misused) is { } inner ? "[]" + inner : null;
        }

        foreach (var name in node.Members.Keys.Order(StringComparer.Ordinal))
        {
            if (Misuse(node.Members[name], misused) is { } inner)
            {
                return "." + name + inner;
            }
        }

        return null;
    }

    private static bool IsContainer(JsonElement value) => value.ValueKind is JsonValueKind.Object or JsonValueKind.Array;
}
