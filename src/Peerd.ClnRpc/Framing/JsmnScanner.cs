using System.Buffers;
using System.Text.Unicode;

namespace Peerd.ClnRpc.Framing;

/// <summary>
/// Reads the first JSON value of a buffer with the grammar Core Lightning's request reader accepts: jsmn in its
/// non-strict mode (<c>external/jsmn</c>, built without <c>JSMN_STRICT</c>) followed by the token-tree checks of
/// <c>common/json_parse_simple.c</c> (<c>validate_jsmn_parse_output</c>), and writes that value out again as strict
/// JSON for the rest of the pipeline.
/// </summary>
/// <remarks>
/// <para>What jsmn's non-strict mode accepts beyond JSON, and clients rely on: bare tokens (<c>lightning-cli</c> sends
/// <c>127.0.0.1</c> and <c>1.5</c> unquoted: <c>is_literal</c> leaves any argument made of digits and dots as it is),
/// missing, repeated and trailing commas (<c>[1 2]</c>, <c>[1,,2,]</c>), and raw control characters inside strings.
/// What it refuses, and so do we: a byte below 0x20 or above 0x7e outside a string, an unknown escape, a <c>}</c>
/// closing a <c>[</c>, and (the validation) an object member that is not a string key with exactly one value, a
/// value with a value of its own (<c>["a":1]</c>), a string that is not UTF-8.</para>
/// <para>The strict rewrite: members and elements joined by single commas; a bare token that is <c>true</c>,
/// <c>false</c>, <c>null</c> or a JSON number is kept, any other becomes a string of the same text (so
/// <c>127.0.0.1</c> reads as <c>"127.0.0.1"</c>, which is what Core Lightning's string parameters see); control
/// characters in strings are escaped. Escapes already present are kept as written.</para>
/// <para>Differences, deliberate: a NUL byte is refused (jsmn stops at it and waits forever); a top-level bare token
/// is complete only once a delimiter follows it (jsmn takes the end of the data as one); only the first value is
/// examined, where jsmn also fails the buffer for garbage buffered after it; nesting is bounded by
/// <see cref="RpcLimits.MaxRequestDepth"/>.</para>
/// </remarks>
internal sealed class JsmnScanner(int maxDepth)
{
    private readonly int _maxDepth = maxDepth;
    private readonly List<Token> _tokens = new(16);
    private int _super = -1;
    private int _depth;
    private int _pos;
    private int _resume; // inside an unfinished string or bare token: where its scan stopped (0: not inside one)

    private enum Kind : byte
    {
        Object,
        Array,
        String,
        Primitive,
    }

    private struct Token
    {
        public Kind Kind;
        public int Start; // strings: after the opening quote
        public int End;   // -1 while a container is open; strings: the closing quote
        public int Size;
        public int Parent;
    }

    /// <summary>Outcome of <see cref="Scan"/>.</summary>
    public enum Result
    {
        /// <summary>The first value is complete and valid; see <c>end</c> and <c>normalized</c>.</summary>
        Complete,

        /// <summary>The first value is not complete yet.</summary>
        Incomplete,

        /// <summary>Core Lightning would refuse these bytes.</summary>
        Invalid,
    }

    /// <summary>
    /// Scans <paramref name="data"/> from its start (the caller skipped leading whitespace), resuming where the last
    /// <see cref="Result.Incomplete"/> stopped: the caller passes the same bytes again with more appended.
    /// </summary>
    /// <param name="data">The buffered bytes of the value being read.</param>
    /// <param name="end">On <see cref="Result.Complete"/>: the length of the value in <paramref name="data"/>.</param>
    /// <param name="normalized">On <see cref="Result.Complete"/>: the value as strict JSON.</param>
    /// <param name="error">On <see cref="Result.Invalid"/>: what was wrong, for logs and tests.</param>
    public Result Scan(ReadOnlySpan<byte> data, out int end, out byte[]? normalized, out string? error)
    {
        end = 0;
        normalized = null;
        error = null;
        for (; _pos < data.Length; _pos++)
        {
            var c = data[_pos];
            switch (c)
            {
                case (byte)'{':
                case (byte)'[':
                    if (++_depth > _maxDepth)
                    {
                        error = $"nesting deeper than {_maxDepth}";
                        return Result.Invalid;
                    }

                    Add(c == '{' ? Kind.Object : Kind.Array, _pos, -1);
                    _super = _tokens.Count - 1;
                    break;

                case (byte)'}':
                case (byte)']':
                    if (!Close(c == '}' ? Kind.Object : Kind.Array, _pos))
                    {
                        error = $"unexpected '{(char)c}' at offset {_pos}";
                        return Result.Invalid;
                    }

                    _depth--;
                    break;

                case (byte)'"':
                    var close = StringEnd(data, Math.Max(_pos + 1, _resume), out _resume, out error);
                    if (close < 0)
                    {
                        return error is null ? Result.Incomplete : Result.Invalid; // resumes at the opening quote
                    }

                    _resume = 0;
                    Add(Kind.String, _pos + 1, close);
                    _pos = close;
                    break;

                case (byte)'\t':
                case (byte)'\r':
                case (byte)'\n':
                case (byte)' ':
                    break;

                case (byte)':':
                    _super = _tokens.Count - 1;
                    break;

                case (byte)',':
                    if (_super != -1 && _tokens[_super].Kind is Kind.String or Kind.Primitive)
                    {
                        _super = _tokens[_super].Parent;
                    }

                    break;

                default:
                    var stop = PrimitiveEnd(data, Math.Max(_pos, _resume));
                    if (stop < 0)
                    {
                        error = $"byte 0x{data[~stop]:x2} outside a string at offset {~stop}";
                        return Result.Invalid;
                    }

                    if (stop == data.Length)
                    {
                        _resume = stop; // a bare token may go on in the next read
                        return Result.Incomplete;
                    }

                    _resume = 0;
                    Add(Kind.Primitive, _pos, stop);
                    _pos = stop - 1;
                    break;
            }

            if (_tokens.Count > 0 && _tokens[0].End >= 0)
            {
                end = _tokens[0].Kind == Kind.String ? _tokens[0].End + 1 : _tokens[0].End;
                return Finish(data, out normalized, out error);
            }
        }

        return Result.Incomplete;
    }

    /// <summary>Forgets the value being read.</summary>
    public void Reset()
    {
        _tokens.Clear();
        _super = -1;
        _depth = 0;
        _pos = 0;
        _resume = 0;
    }

    private void Add(Kind kind, int start, int end)
    {
        var token = new Token { Kind = kind, Start = start, End = end, Parent = _super };
        if (_super != -1)
        {
            var parent = _tokens[_super];
            parent.Size++;
            _tokens[_super] = parent;
        }

        _tokens.Add(token);
    }

    /// <summary>jsmn's closing bracket with parent links: the nearest open container must be of the same kind.</summary>
    private bool Close(Kind kind, int pos)
    {
        var tokens = _tokens;
        if (tokens.Count < 1)
        {
            return false;
        }

        var index = tokens.Count - 1;
        while (true)
        {
            var token = tokens[index];
            if (token.Start != -1 && token.End == -1)
            {
                if (token.Kind != kind)
                {
                    return false;
                }

                token.End = pos + 1;
                tokens[index] = token;
                _super = token.Parent;
                return true;
            }

            if (token.Parent == -1)
            {
                return token.Kind == kind && _super != -1;
            }

            index = token.Parent;
        }
    }

    /// <summary>
    /// The index of the closing quote; -1 when the data ends first (error null; <paramref name="resume"/> is where to
    /// go on, never inside an escape) or on a bad escape.
    /// </summary>
    private static int StringEnd(ReadOnlySpan<byte> data, int start, out int resume, out string? error)
    {
        error = null;
        resume = start;
        for (var i = start; i < data.Length; i++)
        {
            resume = i;
            var c = data[i];
            if (c == '"')
            {
                return i;
            }

            if (c == 0)
            {
                error = $"NUL byte at offset {i}";
                return -1;
            }

            if (c != '\\')
            {
                continue;
            }

            if (i + 1 >= data.Length)
            {
                return -1; // resume at the backslash
            }

            i++;
            switch (data[i])
            {
                case (byte)'"':
                case (byte)'/':
                case (byte)'\\':
                case (byte)'b':
                case (byte)'f':
                case (byte)'r':
                case (byte)'n':
                case (byte)'t':
                    break;
                case (byte)'u':
                    i++;
                    for (var k = 0; k < 4 && i < data.Length; k++, i++)
                    {
                        if (!char.IsAsciiHexDigit((char)data[i]))
                        {
                            error = $"bad \\u escape at offset {i}";
                            return -1;
                        }
                    }

                    if (i >= data.Length)
                    {
                        return -1; // resume at the backslash
                    }

                    i--;
                    break;
                default:
                    error = $"bad escape '\\{(char)data[i]}' at offset {i}";
                    return -1;
            }
        }

        resume = data.Length;
        return -1;
    }

    /// <summary>Where a bare token ends (a delimiter or the end of data); the bitwise complement of a bad byte's index.</summary>
    private static int PrimitiveEnd(ReadOnlySpan<byte> data, int start)
    {
        for (var i = start; i < data.Length; i++)
        {
            var c = data[i];
            if (c is (byte)':' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)' ' or (byte)',' or (byte)']' or (byte)'}')
            {
                return i;
            }

            if (c < 32 || c >= 127)
            {
                return ~i;
            }
        }

        return data.Length;
    }

    private Result Finish(ReadOnlySpan<byte> data, out byte[]? normalized, out string? error)
    {
        var tokens = _tokens;
        normalized = null;
        error = null;
        var index = 0;
        if (!ValidDatum(data, tokens, ref index))
        {
            error = "not a JSON value (jsmn validation)";
            return Result.Invalid;
        }

        var output = new ArrayBufferWriter<byte>(Math.Max(16, tokens[0].End + 16));
        index = 0;
        Write(data, tokens, ref index, output);
        normalized = output.WrittenSpan.ToArray();
        return Result.Complete;
    }

    /// <summary><c>validate_jsmn_datum</c>: advances <paramref name="index"/> past one value and its children.</summary>
    private static bool ValidDatum(ReadOnlySpan<byte> data, List<Token> tokens, ref int index)
    {
        if (index >= tokens.Count)
        {
            return false;
        }

        var token = tokens[index];
        switch (token.Kind)
        {
            case Kind.String:
                if (!Utf8.IsValid(data[token.Start..token.End]))
                {
                    return false;
                }

                goto case Kind.Primitive;
            case Kind.Primitive:
                index++;
                return token.Size == 0;
            case Kind.Array:
                index++;
                for (var i = 0; i < token.Size; i++)
                {
                    if (!ValidDatum(data, tokens, ref index))
                    {
                        return false;
                    }
                }

                return true;
            default:
                index++;
                for (var i = 0; i < token.Size; i++)
                {
                    // validate_jsmn_keyvalue: a string key holding exactly one value.
                    if (index >= tokens.Count)
                    {
                        return false;
                    }

                    var key = tokens[index];
                    if (key.Kind != Kind.String || key.Size != 1 || !Utf8.IsValid(data[key.Start..key.End]))
                    {
                        return false;
                    }

                    index++;
                    if (!ValidDatum(data, tokens, ref index))
                    {
                        return false;
                    }
                }

                return true;
        }
    }

    private static void Write(ReadOnlySpan<byte> data, List<Token> tokens, ref int index, ArrayBufferWriter<byte> output)
    {
        var token = tokens[index++];
        switch (token.Kind)
        {
            case Kind.String:
                WriteString(data[token.Start..token.End], output);
                return;
            case Kind.Primitive:
                var text = data[token.Start..token.End];
                if (IsJsonLiteral(text))
                {
                    output.Write(text);
                }
                else
                {
                    WriteBareAsString(text, output);
                }

                return;
            default:
                var isObject = token.Kind == Kind.Object;
                output.Write(isObject ? "{"u8 : "["u8);
                for (var i = 0; i < token.Size; i++)
                {
                    if (i > 0)
                    {
                        output.Write(","u8);
                    }

                    if (isObject)
                    {
                        var key = tokens[index++];
                        WriteString(data[key.Start..key.End], output);
                        output.Write(":"u8);
                    }

                    Write(data, tokens, ref index, output);
                }

                output.Write(isObject ? "}"u8 : "]"u8);
                return;
        }
    }

    /// <summary>A string's raw content, its escapes kept; raw control characters (jsmn lets them through) escaped.</summary>
    private static void WriteString(ReadOnlySpan<byte> content, ArrayBufferWriter<byte> output)
    {
        output.Write("\""u8);
        var from = 0;
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] < 0x20)
            {
                output.Write(content[from..i]);
                WriteControlEscape(content[i], output);
                from = i + 1;
            }
        }

        output.Write(content[from..]);
        output.Write("\""u8);
    }

    private static void WriteBareAsString(ReadOnlySpan<byte> text, ArrayBufferWriter<byte> output)
    {
        output.Write("\""u8);
        foreach (var c in text)
        {
            if (c is (byte)'"' or (byte)'\\')
            {
                output.Write("\\"u8);
            }

            output.Write([c]);
        }

        output.Write("\""u8);
    }

    private static void WriteControlEscape(byte c, ArrayBufferWriter<byte> output)
    {
        const string Hex = "0123456789abcdef";
        output.Write([(byte)'\\', (byte)'u', (byte)'0', (byte)'0', (byte)Hex[c >> 4], (byte)Hex[c & 0xf]]);
    }

    /// <summary><c>true</c>, <c>false</c>, <c>null</c>, or a number in JSON's grammar.</summary>
    internal static bool IsJsonLiteral(ReadOnlySpan<byte> text)
    {
        if (text.SequenceEqual("true"u8) || text.SequenceEqual("false"u8) || text.SequenceEqual("null"u8))
        {
            return true;
        }

        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        if (i >= text.Length || !char.IsAsciiDigit((char)text[i]))
        {
            return false;
        }

        if (text[i] == '0')
        {
            i++;
        }
        else
        {
            while (i < text.Length && char.IsAsciiDigit((char)text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            if (!Digits(text, ref i))
            {
                return false;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            if (!Digits(text, ref i))
            {
                return false;
            }
        }

        return i == text.Length;
    }

    private static bool Digits(ReadOnlySpan<byte> text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit((char)text[i]))
        {
            i++;
        }

        return i > start;
    }
}
