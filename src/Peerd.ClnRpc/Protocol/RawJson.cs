using System.Text.Json;

namespace Peerd.ClnRpc.Protocol;

/// <summary>
/// Core Lightning reads tokens raw (<c>json_strdup</c>, <c>json_tok_streq</c>): a string's text between its quotes,
/// escapes left as they are; any other value's full text. These helpers give the same view of a
/// <see cref="JsonElement"/>, so comparisons and error messages match it byte for byte.
/// </summary>
public static class RawJson
{
    /// <summary>
    /// The raw token content: for a string, the text between the quotes (not unescaped); otherwise the value's
    /// raw JSON text (<c>123</c>, <c>null</c>, <c>{"a":1}</c>).
    /// </summary>
    public static string Content(JsonElement element)
    {
        var raw = element.GetRawText();
        return element.ValueKind == JsonValueKind.String ? raw[1..^1] : raw;
    }

    /// <summary>The full raw token (strings keep their quotes), as echoed for a request id.</summary>
    public static string Token(JsonElement element) => element.GetRawText();

    /// <summary>
    /// The first member named <paramref name="name"/> (Core Lightning's <c>json_get_member</c> returns the first;
    /// <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> would return the last of duplicates).
    /// </summary>
    public static bool TryGetFirstMember(JsonElement obj, string name, out JsonElement value)
    {
        foreach (var member in obj.EnumerateObject())
        {
            if (member.NameEquals(name))
            {
                value = member.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
