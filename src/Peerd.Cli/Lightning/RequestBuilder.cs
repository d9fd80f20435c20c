using System.Text;
using Peerd.Cli.Json;

namespace Peerd.Cli.Lightning;

/// <summary>
/// Builds the request text from the command line as <c>lightning-cli</c> does: <c>{"jsonrpc":"2.0","method":…,
/// "id":"cli:&lt;method&gt;#&lt;pid&gt;",["filter":…,]"params":…}</c>, with its literal rules for values.
/// </summary>
public static class RequestBuilder
{
    /// <summary>The id for <paramref name="method"/>: <c>cli:&lt;method&gt;#&lt;pid&gt;</c>, or <c>cli:weirdmethod!#&lt;pid&gt;</c> when the name needs escaping.</summary>
    public static string RequestId(string method, int processId) =>
        JsonText.NeedsEscape(method) ? $"cli:weirdmethod!#{processId}" : $"cli:{method}#{processId}";

    /// <summary>
    /// <c>is_literal</c>: sent without quotes are <c>true</c>, <c>false</c>, <c>null</c>, <c>{…}</c>, <c>[…]</c>,
    /// <c>"…"</c> and numbers; everything else is quoted and escaped.
    /// </summary>
    /// <remarks>
    /// <c>lightning-cli</c> sends any string of digits and dots raw (so <c>127.0.0.1</c> goes out as a bare token,
    /// which Core Lightning's lenient parser accepts and reads back as text). A strict JSON parser would reject the
    /// whole request, so here only digits-and-dots that form a JSON number are bare; <c>127.0.0.1</c> is sent as
    /// the string <c>"127.0.0.1"</c>, which the server reads the same way. As there, digits with a leading zero
    /// (<c>007</c>, possibly hex) are strings.
    /// </remarks>
    public static bool IsLiteral(string arg)
    {
        if (arg.Length == 0)
        {
            return false;
        }

        var allDigits = !arg.AsSpan().ContainsAnyExceptInRange('0', '9');
        if (allDigits && arg.Length > 1 && arg[0] == '0')
        {
            return false;
        }

        if (!arg.AsSpan().ContainsAnyExcept("0123456789."))
        {
            return IsJsonNumber(arg);
        }

        return arg is "true" or "false" or "null"
            || (arg[0] == '{' && arg[^1] == '}')
            || (arg[0] == '[' && arg[^1] == ']')
            || (arg.Length >= 2 && arg[0] == '"' && arg[^1] == '"');
    }

    /// <summary>Builds the request; false (exit code 3) for a keyword argument without <c>=</c>.</summary>
    /// <param name="method">The method.</param>
    /// <param name="parameters">The arguments after the method.</param>
    /// <param name="mode">Keyword, ordered, or autodetect (keyword when the first parameter contains <c>=</c>).</param>
    /// <param name="requestId">The id (see <see cref="RequestId"/>).</param>
    /// <param name="filter">A raw JSON filter, or null.</param>
    /// <param name="request">The request text.</param>
    /// <param name="error">The usage error.</param>
    public static bool TryBuild(
        string method,
        IReadOnlyList<string> parameters,
        InputMode mode,
        string requestId,
        string? filter,
        out string request,
        out string? error)
    {
        request = string.Empty;
        error = null;
        if (mode == InputMode.Autodetect)
        {
            mode = parameters.Count > 0 && parameters[0].Contains('=', StringComparison.Ordinal) ? InputMode.Keywords : InputMode.Ordered;
        }

        var text = new StringBuilder(128);
        text.Append("{\"jsonrpc\":\"2.0\",\"method\":\"").Append(JsonText.Escape(method))
            .Append("\",\"id\":\"").Append(requestId).Append("\",");
        if (filter is not null)
        {
            text.Append("\"filter\":").Append(filter).Append(',');
        }

        text.Append("\"params\":");
        if (mode == InputMode.Keywords)
        {
            text.Append('{');
            for (var i = 0; i < parameters.Count; i++)
            {
                var eq = parameters[i].IndexOf('=', StringComparison.Ordinal);
                if (eq < 0)
                {
                    error = $"Expected key=value in '{parameters[i]}'";
                    return false;
                }

                text.Append(i == 0 ? "\"" : ",\"").Append(parameters[i], 0, eq).Append("\":");
                AppendValue(text, parameters[i][(eq + 1)..]);
            }

            text.Append('}');
        }
        else
        {
            text.Append('[');
            for (var i = 0; i < parameters.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(',');
                }

                AppendValue(text, parameters[i]);
            }

            text.Append(']');
        }

        text.Append('}');
        request = text.ToString();
        return true;
    }

    /// <summary>True when <paramref name="request"/> is exactly one valid JSON value (<c>json_parse_simple</c>).</summary>
    public static bool IsWellFormed(string request) => RawJsonParser.IsValid(Encoding.UTF8.GetBytes(request));

    private static void AppendValue(StringBuilder text, string value)
    {
        if (IsLiteral(value))
        {
            text.Append(value);
        }
        else
        {
            text.Append('"').Append(JsonText.Escape(value)).Append('"');
        }
    }

    private static bool IsJsonNumber(string digitsAndDots)
    {
        // JSON: an integer part without a leading zero (unless it is "0"), then optionally '.' and digits.
        var dot = digitsAndDots.IndexOf('.');
        var integer = dot < 0 ? digitsAndDots : digitsAndDots[..dot];
        if (integer.Length == 0 || (integer.Length > 1 && integer[0] == '0'))
        {
            return false;
        }

        return dot < 0 || (dot < digitsAndDots.Length - 1 && digitsAndDots.IndexOf('.', dot + 1) < 0);
    }
}
