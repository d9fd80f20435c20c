using System.Text;

namespace Peerd.Cli.Json;

/// <summary>
/// A strict RFC 8259 parser producing <see cref="RawNode"/> trees, like the jsmn tokens <c>lightning-cli</c> works
/// on. Written for start-up time: the first use of System.Text.Json costs a <c>peerd-cli</c> call about 6 ms
/// (measured on the build machine), as much as the rest of the call. The server and the XRPL mode keep
/// System.Text.Json; this only reads Lightning replies and checks requests the client built itself.
/// </summary>
public ref struct RawJsonParser
{
    /// <summary>Deepest nesting accepted, to keep recursion bounded: 256.</summary>
    public const int MaxDepth = 256;

    private readonly ReadOnlySpan<byte> _json;
    private int _position;

    private RawJsonParser(ReadOnlySpan<byte> json)
    {
        _json = json;
        _position = 0;
    }

    /// <summary>Parses exactly one value (whitespace around it allowed); throws <see cref="FormatException"/> otherwise.</summary>
    public static RawNode Parse(ReadOnlySpan<byte> json)
    {
        var parser = new RawJsonParser(json);
        parser.SkipWhitespace();
        var node = parser.ParseValue(0);
        parser.SkipWhitespace();
        if (parser._position != json.Length)
        {
            throw parser.Error("unexpected data after the value");
        }

        return node;
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

    private RawNode ParseValue(int depth)
    {
        if (_position >= _json.Length)
        {
            throw Error("unexpected end");
        }

        var start = _position;
        switch (_json[_position])
        {
            case (byte)'{':
                return ParseObject(start, depth + 1);
            case (byte)'[':
                return ParseArray(start, depth + 1);
            case (byte)'"':
                SkipString();
                return new RawNode(JsonKind.String, Text(start));
            case (byte)'t':
                Expect("true"u8);
                return new RawNode(JsonKind.Boolean, "true");
            case (byte)'f':
                Expect("false"u8);
                return new RawNode(JsonKind.Boolean, "false");
            case (byte)'n':
                Expect("null"u8);
                return new RawNode(JsonKind.Null, "null");
            default:
                SkipNumber();
                return new RawNode(JsonKind.Number, Text(start));
        }
    }

    private RawNode ParseObject(int start, int depth)
    {
        CheckDepth(depth);
        var members = new List<(string, RawNode)>();
        _position++; // '{'
        SkipWhitespace();
        if (Peek() == '}')
        {
            _position++;
        }
        else
        {
            while (true)
            {
                if (Peek() != '"')
                {
                    throw Error("expected a member name");
                }

                var keyStart = _position;
                SkipString();
                var key = Encoding.UTF8.GetString(_json[(keyStart + 1)..(_position - 1)]);
                SkipWhitespace();
                if (Next() != ':')
                {
                    throw Error("expected ':'");
                }

                SkipWhitespace();
                members.Add((key, ParseValue(depth)));
                SkipWhitespace();
                var separator = Next();
                if (separator == '}')
                {
                    break;
                }

                if (separator != ',')
                {
                    throw Error("expected ',' or '}'");
                }

                SkipWhitespace();
            }
        }

        var node = new RawNode(JsonKind.Object, Text(start));
        node.Members.AddRange(members);
        return node;
    }

    private RawNode ParseArray(int start, int depth)
    {
        CheckDepth(depth);
        var items = new List<RawNode>();
        _position++; // '['
        SkipWhitespace();
        if (Peek() == ']')
        {
            _position++;
        }
        else
        {
            while (true)
            {
                items.Add(ParseValue(depth));
                SkipWhitespace();
                var separator = Next();
                if (separator == ']')
                {
                    break;
                }

                if (separator != ',')
                {
                    throw Error("expected ',' or ']'");
                }

                SkipWhitespace();
            }
        }

        var node = new RawNode(JsonKind.Array, Text(start));
        node.Items.AddRange(items);
        return node;
    }

    private void SkipString()
    {
        _position++; // opening quote
        while (true)
        {
            var c = Next();
            switch (c)
            {
                case '"':
                    return;
                case '\\':
                    var escape = Next();
                    if (escape == 'u')
                    {
                        for (var i = 0; i < 4; i++)
                        {
                            if (!IsHex(Next()))
                            {
                                throw Error("bad \\u escape");
                            }
                        }
                    }
                    else if (escape is not ('"' or '\\' or '/' or 'b' or 'f' or 'n' or 'r' or 't'))
                    {
                        throw Error("bad escape");
                    }

                    break;
                default:
                    if (c < 0x20)
                    {
                        throw Error("control character in a string");
                    }

                    break;
            }
        }
    }

    private void SkipNumber()
    {
        // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
        if (Peek() == '-')
        {
            _position++;
        }

        if (Peek() == '0')
        {
            _position++;
        }
        else if (IsDigit(Peek()))
        {
            SkipDigits();
        }
        else
        {
            throw Error("unexpected character");
        }

        if (Peek() == '.')
        {
            _position++;
            if (!IsDigit(Peek()))
            {
                throw Error("expected a digit after '.'");
            }

            SkipDigits();
        }

        if (Peek() is 'e' or 'E')
        {
            _position++;
            if (Peek() is '+' or '-')
            {
                _position++;
            }

            if (!IsDigit(Peek()))
            {
                throw Error("expected an exponent");
            }

            SkipDigits();
        }
    }

    private void SkipDigits()
    {
        while (IsDigit(Peek()))
        {
            _position++;
        }
    }

    private void Expect(ReadOnlySpan<byte> literal)
    {
        if (!_json[_position..].StartsWith(literal))
        {
            throw Error("unexpected character");
        }

        _position += literal.Length;
    }

    private void SkipWhitespace()
    {
        while (_position < _json.Length && _json[_position] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            _position++;
        }
    }

    private readonly int Peek() => _position < _json.Length ? _json[_position] : -1;

    private int Next() => _position < _json.Length ? _json[_position++] : throw Error("unexpected end");

    private readonly string Text(int start) => Encoding.UTF8.GetString(_json[start.._position]);

    private readonly void CheckDepth(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error("nested too deeply");
        }
    }

    private readonly FormatException Error(string what) => new($"invalid JSON at byte {_position}: {what}");

    private static bool IsDigit(int c) => c is >= '0' and <= '9';

    private static bool IsHex(int c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';
}
