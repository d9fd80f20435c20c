using System.Text;

namespace Peerd.Cli;

/// <summary>JSON string escaping as ccan's <c>json_escape</c> does it: quote, backslash and control characters only.</summary>
public static class JsonText
{
    /// <summary>True when <paramref name="text"/> contains a character that must be escaped.</summary>
    public static bool NeedsEscape(string text)
    {
        foreach (var c in text)
        {
            if (c is '"' or '\\' || c < 0x20)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The escaped text, without surrounding quotes.</summary>
    public static string Escape(string text)
    {
        if (!NeedsEscape(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\t': builder.Append("\\t"); break;
                case '\r': builder.Append("\\r"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }
}
