using System.Text;
using System.Text.Json;

namespace Peerd.Cli.Output;

/// <summary>
/// A JSON value as tokens, the way <c>lightning-cli</c> sees a response through jsmn: strings and keys keep their
/// raw (still escaped) text, numbers their exact digits. Printing from this reproduces its output byte for byte.
/// </summary>
public sealed class RawNode
{
    private RawNode(JsonTokenType kind, string raw)
    {
        Kind = kind;
        Raw = raw;
    }

    /// <summary>The kind: <see cref="JsonTokenType.StartObject"/>, <see cref="JsonTokenType.StartArray"/>, or a primitive.</summary>
    public JsonTokenType Kind { get; }

    /// <summary>The value's exact text as received: a string keeps its quotes and escapes, a container all its bytes.</summary>
    public string Raw { get; }

    /// <summary>For a string, the text between the quotes, escapes as sent; for other primitives, <see cref="Raw"/>.</summary>
    public string Content => Kind == JsonTokenType.String ? Raw[1..^1] : Raw;

    /// <summary>An object's members: raw key (between quotes, escapes as sent) and value, in order.</summary>
    public List<(string Key, RawNode Value)> Members { get; } = [];

    /// <summary>An array's elements, in order.</summary>
    public List<RawNode> Items { get; } = [];

    /// <summary>True for an object.</summary>
    public bool IsObject => Kind == JsonTokenType.StartObject;

    /// <summary>True for an array.</summary>
    public bool IsArray => Kind == JsonTokenType.StartArray;

    /// <summary>Parses one JSON value. Throws <see cref="JsonException"/> when it is not JSON.</summary>
    public static RawNode Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        if (!reader.Read())
        {
            throw new JsonException("empty JSON");
        }

        var node = Read(ref reader, json);
        if (reader.Read())
        {
            throw new JsonException("trailing data after the JSON value");
        }

        return node;
    }

    /// <summary>The first member named <paramref name="key"/> (raw comparison), or null.</summary>
    public RawNode? Get(string key)
    {
        foreach (var (k, v) in Members)
        {
            if (k == key)
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>Removes the first member named <paramref name="key"/>.</summary>
    public void Remove(string key)
    {
        var index = Members.FindIndex(m => m.Key == key);
        if (index >= 0)
        {
            Members.RemoveAt(index);
        }
    }

    /// <summary>True when this is the string whose raw content is <paramref name="text"/>.</summary>
    public bool IsString(string text) => Kind == JsonTokenType.String && Content == text;

    private static RawNode Read(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        var start = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var members = new List<(string, RawNode)>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var key = Encoding.UTF8.GetString(reader.ValueSpan);
                    reader.Read();
                    members.Add((key, Read(ref reader, json)));
                }

                var node = new RawNode(JsonTokenType.StartObject, Encoding.UTF8.GetString(json[start..(int)reader.BytesConsumed]));
                node.Members.AddRange(members);
                return node;
            }

            case JsonTokenType.StartArray:
            {
                var items = new List<RawNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(Read(ref reader, json));
                }

                var node = new RawNode(JsonTokenType.StartArray, Encoding.UTF8.GetString(json[start..(int)reader.BytesConsumed]));
                node.Items.AddRange(items);
                return node;
            }

            case JsonTokenType.String:
                return new RawNode(JsonTokenType.String, "\"" + Encoding.UTF8.GetString(reader.ValueSpan) + "\"");

            default:
                return new RawNode(reader.TokenType, Encoding.UTF8.GetString(reader.ValueSpan));
        }
    }
}
