namespace Peerd.Cli.Json;

/// <summary>
/// A JSON value as tokens, the way <c>lightning-cli</c> sees a response through jsmn: strings and keys keep their
/// raw (still escaped) text, numbers their exact digits, containers their exact bytes. Printing from this
/// reproduces its output byte for byte.
/// </summary>
public sealed class RawNode
{
    internal RawNode(JsonKind kind, string raw)
    {
        Kind = kind;
        Raw = raw;
    }

    /// <summary>The kind of value.</summary>
    public JsonKind Kind { get; }

    /// <summary>The value's exact text as received: a string keeps its quotes and escapes, a container all its bytes.</summary>
    public string Raw { get; }

    /// <summary>For a string, the text between the quotes, escapes as sent; for other values, <see cref="Raw"/>.</summary>
    public string Content => Kind == JsonKind.String ? Raw[1..^1] : Raw;

    /// <summary>An object's members: raw key (between quotes, escapes as sent) and value, in order.</summary>
    public List<(string Key, RawNode Value)> Members { get; } = [];

    /// <summary>An array's elements, in order.</summary>
    public List<RawNode> Items { get; } = [];

    /// <summary>True for an object.</summary>
    public bool IsObject => Kind == JsonKind.Object;

    /// <summary>True for an array.</summary>
    public bool IsArray => Kind == JsonKind.Array;

    /// <summary>True for <c>null</c> (<c>json_tok_is_null</c>).</summary>
    public bool IsNull => Kind == JsonKind.Null;

    /// <summary>Parses exactly one JSON value (surrounding whitespace allowed). Throws <see cref="FormatException"/> otherwise.</summary>
    public static RawNode Parse(ReadOnlySpan<byte> json) => RawJsonParser.Parse(json);

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
    public bool IsString(string text) => Kind == JsonKind.String && Content == text;
}
