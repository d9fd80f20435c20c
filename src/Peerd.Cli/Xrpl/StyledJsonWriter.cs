using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Peerd.Cli.Xrpl;

/// <summary>
/// rippled's <c>Json::StyledWriter</c> (<c>toStyledString</c>), which its command line prints replies with: keys
/// sorted, <c>"key" : value</c>, three-space indent, arrays of short primitives on one line (<c>[ 1, 2 ]</c>) when they
/// fit in 74 columns, a final newline.
/// </summary>
public sealed class StyledJsonWriter
{
    private const int RightMargin = 74;
    private const string IndentStep = "   ";

    private readonly StringBuilder _document = new();
    private readonly List<string> _childValues = [];
    private string _indent = string.Empty;
    private bool _addChildValues;

    /// <summary>Formats <paramref name="value"/> as rippled's command line prints it.</summary>
    public static string Write(JsonNode? value)
    {
        var writer = new StyledJsonWriter();
        writer.WriteValue(value);
        writer._document.Append('\n');
        return writer._document.ToString();
    }

    /// <summary>rippled's <c>valueToQuotedString</c>: escapes quote, backslash and controls; other bytes as they are.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c is > '\0' and <= '\u001f')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private void WriteValue(JsonNode? value)
    {
        switch (value?.GetValueKind() ?? JsonValueKind.Null)
        {
            case JsonValueKind.Object:
                WriteObject(value!.AsObject());
                break;
            case JsonValueKind.Array:
                WriteArray(value!.AsArray());
                break;
            case JsonValueKind.String:
                PushValue(Quote(value!.GetValue<string>()));
                break;
            case JsonValueKind.Number:
                PushValue(Number(value!));
                break;
            case JsonValueKind.True:
                PushValue("true");
                break;
            case JsonValueKind.False:
                PushValue("false");
                break;
            default:
                PushValue("null");
                break;
        }
    }

    private void WriteObject(JsonObject value)
    {
        // Json::Value keeps members in a std::map: sorted by byte order.
        var members = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, child) in value)
        {
            members[name] = child;
        }

        if (members.Count == 0)
        {
            PushValue("{}");
            return;
        }

        WriteWithIndent("{");
        _indent += IndentStep;
        var first = true;
        foreach (var (name, child) in members)
        {
            if (!first)
            {
                _document.Append(',');
            }

            first = false;
            WriteWithIndent(Quote(name));
            _document.Append(" : ");
            WriteValue(child);
        }

        _indent = _indent[..^IndentStep.Length];
        WriteWithIndent("}");
    }

    private void WriteArray(JsonArray value)
    {
        var size = value.Count;
        if (size == 0)
        {
            PushValue("[]");
            return;
        }

        if (IsMultilineArray(value))
        {
            WriteWithIndent("[");
            _indent += IndentStep;
            var hasChildValues = _childValues.Count > 0;
            var index = 0;
            foreach (var child in value)
            {
                if (index > 0)
                {
                    _document.Append(',');
                }

                if (hasChildValues)
                {
                    WriteWithIndent(_childValues[index]);
                }
                else
                {
                    WriteIndent();
                    WriteValue(child);
                }

                index++;
            }

            _indent = _indent[..^IndentStep.Length];
            WriteWithIndent("]");
        }
        else
        {
            _document.Append("[ ").Append(string.Join(", ", _childValues)).Append(" ]");
        }
    }

    private bool IsMultilineArray(JsonArray value)
    {
        var size = value.Count;
        var multiline = size * 3 >= RightMargin;
        _childValues.Clear();
        foreach (var child in value)
        {
            if (multiline)
            {
                break;
            }

            multiline = child is JsonArray { Count: > 0 } or JsonObject { Count: > 0 };
        }

        if (!multiline)
        {
            _addChildValues = true;
            var lineLength = 4 + ((size - 1) * 2); // "[ " + ", " between + " ]"
            foreach (var child in value)
            {
                WriteValue(child);
            }

            foreach (var childValue in _childValues)
            {
                lineLength += childValue.Length;
            }

            _addChildValues = false;
            multiline = lineLength >= RightMargin;
        }

        return multiline;
    }

    private void PushValue(string text)
    {
        if (_addChildValues)
        {
            _childValues.Add(text);
        }
        else
        {
            _document.Append(text);
        }
    }

    private void WriteIndent()
    {
        if (_document.Length > 0)
        {
            var last = _document[^1];
            if (last == ' ')
            {
                return; // already indented
            }

            if (last != '\n')
            {
                _document.Append('\n');
            }
        }

        _document.Append(_indent);
    }

    private void WriteWithIndent(string text)
    {
        WriteIndent();
        _document.Append(text);
    }

    /// <summary>Integers as they are; other numbers as C's <c>%.16g</c>.</summary>
    private static string Number(JsonNode value)
    {
        var raw = value.ToJsonString();
        if (!raw.AsSpan().ContainsAny(".eE"))
        {
            return raw;
        }

        var formatted = double.Parse(raw, CultureInfo.InvariantCulture).ToString("G16", CultureInfo.InvariantCulture);
        return formatted.Replace("E", "e", StringComparison.Ordinal);
    }
}
