using System.Text.Json;

namespace Peerd.ClnRpc.Filtering;

/// <summary>
/// <see cref="JsonFilterWriter"/>'s outcome for a result <c>{"member":[…]}</c> whose array arrives in parts (a
/// streamed result): the same members, elements and <c>warning_parameter_filter</c> as filtering the whole result at
/// once, written part by part. Use <see cref="WriteStart"/>, then <see cref="WriteElements"/> per part, then
/// <see cref="WriteEnd"/>.
/// </summary>
public sealed class JsonFilteredArray
{
    private readonly JsonFilter _filter;
    private readonly string _member;
    private readonly HashSet<JsonFilter> _misused = new(ReferenceEqualityComparer.Instance);
    private JsonFilter? _elements;
    private bool _whole;
    private bool _positive = true;

    /// <summary>Filters <c>{"<paramref name="member"/>":[…]}</c> through <paramref name="filter"/>.</summary>
    public JsonFilteredArray(JsonFilter filter, string member)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(member);
        _filter = filter;
        _member = member;
    }

    /// <summary>Opens the result object and, when the filter keeps the array, the array.</summary>
    public void WriteStart(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        if (_filter.IsLeaf)
        {
            // A leaf keeps an object's containers whole.
            _whole = true;
        }
        else if (_filter.Members.TryGetValue(_member, out var child))
        {
            _elements = child;
        }
        else
        {
            return; // not selected (a top-level filter is an object, never an array template)
        }

        writer.WriteStartArray(_member);
    }

    /// <summary>Writes one part's elements (<paramref name="part"/> is a JSON array of them) through the filter.</summary>
    public void WriteElements(JsonElement part, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_whole)
        {
            foreach (var element in part.EnumerateArray())
            {
                element.WriteTo(writer);
            }
        }
        else if (_elements is { } node)
        {
            JsonFilterWriter.WriteElements(node, part, writer, _misused, ref _positive);
        }
    }

    /// <summary>Closes the array (when open), adds the filter's warning if it did not fit, and closes the object.</summary>
    public void WriteEnd(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_whole || _elements is not null)
        {
            writer.WriteEndArray();
        }

        if (JsonFilterWriter.Warning(_filter, _misused) is { } warning)
        {
            writer.WriteString(JsonFilterWriter.WarningMember, warning);
        }

        writer.WriteEndObject();
    }
}
