using System.Text;
using System.Text.Json;

namespace Peerd.Cli.Json;

/// <summary>
/// Reads one JSON value into a <see cref="RawNode"/> tree, like the jsmn tokens <c>lightning-cli</c> works on, with
/// System.Text.Json's <see cref="Utf8JsonReader"/> (strict RFC 8259): each node keeps its exact bytes (a string its
/// quotes and escapes, a number its digits, a container all its text), so printing reproduces the daemon's text.
/// </summary>
public static class RawJsonParser
{
    /// <summary>Deepest nesting accepted, to keep recursion bounded: 256.</summary>
    public const int MaxDepth = 256;

    private static readonly JsonReaderOptions Options = new() { MaxDepth = MaxDepth };

    /// <summary>Parses exactly one value (whitespace around it allowed); throws <see cref="FormatException"/> otherwise.</summary>
    public static RawNode Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, Options);
        try
        {
            if (!reader.Read())
            {
                throw new FormatException("invalid JSON at byte 0: unexpected end");
            }

            var node = ReadValue(ref reader, json);
            if (reader.Read())
            {
                throw new FormatException($"invalid JSON at byte {reader.TokenStartIndex}: unexpected data after the value");
            }

            return node;
        }
        catch (JsonException e)
        {
            throw new FormatException($"invalid JSON at byte {reader.BytesConsumed}: {e.Message}", e);
        }
    }

    /// <summary>True when <paramref name="json"/> is exactly one valid JSON value.</summary>
    public static bool IsValid(ReadOnlySpan<byte> json)
    {
        try
        {
            Parse(json);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static RawNode ReadValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        var start = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var members = new List<(string, RawNode)>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = Encoding.UTF8.GetString(reader.ValueSpan);
                    reader.Read();
                    members.Add((key, ReadValue(ref reader, json)));
                }

                var node = new RawNode(JsonKind.Object, Text(json, start, reader));
                node.Members.AddRange(members);
                return node;
            }

            case JsonTokenType.StartArray:
            {
                var items = new List<RawNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, json));
                }

                var node = new RawNode(JsonKind.Array, Text(json, start, reader));
                node.Items.AddRange(items);
                return node;
            }

            case JsonTokenType.String:
                return new RawNode(JsonKind.String, Text(json, start, reader));
            case JsonTokenType.Number:
                return new RawNode(JsonKind.Number, Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return new RawNode(JsonKind.Boolean, "true");
            case JsonTokenType.False:
                return new RawNode(JsonKind.Boolean, "false");
            default:
                return new RawNode(JsonKind.Null, "null");
        }
    }

    private static string Text(ReadOnlySpan<byte> json, int start, in Utf8JsonReader reader) =>
        Encoding.UTF8.GetString(json[start..(int)reader.BytesConsumed]);
}
