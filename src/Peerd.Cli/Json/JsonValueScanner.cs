namespace Peerd.Cli.Json;

/// <summary>
/// Finds where one top-level JSON value ends in a stream that arrives in pieces, without parsing it: it tracks
/// nesting depth and string state, and resumes where it stopped, so a large reply read in many chunks is scanned
/// once. The complete value is then handed to <see cref="RawJsonParser"/>.
/// </summary>
public sealed class JsonValueScanner
{
    private int _scanned;
    private int _depth;
    private bool _started;
    private bool _inString;
    private bool _escaped;

    /// <summary>
    /// Scans <paramref name="data"/> (everything received and not yet consumed, the same prefix as on the previous
    /// call plus new bytes). Returns the length of the first complete value including leading whitespace, or -1 when
    /// more data is needed. Top-level scalars end at the first delimiter after them.
    /// </summary>
    public int FindEnd(ReadOnlySpan<byte> data)
    {
        for (; _scanned < data.Length; _scanned++)
        {
            var c = data[_scanned];
            if (_inString)
            {
                if (_escaped)
                {
                    _escaped = false;
                }
                else if (c == '\\')
                {
                    _escaped = true;
                }
                else if (c == '"')
                {
                    _inString = false;
                    if (_depth == 0)
                    {
                        return Complete(_scanned + 1);
                    }
                }

                continue;
            }

            switch (c)
            {
                case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n':
                    if (_started && _depth == 0)
                    {
                        return Complete(_scanned); // end of a top-level number or literal
                    }

                    continue;
                case (byte)'"':
                    _started = true;
                    _inString = true;
                    continue;
                case (byte)'{' or (byte)'[':
                    _started = true;
                    _depth++;
                    continue;
                case (byte)'}' or (byte)']':
                    _started = true;
                    if (--_depth <= 0)
                    {
                        return Complete(_scanned + 1); // a stray closer ends up here too; the parser rejects it
                    }

                    continue;
                default:
                    _started = true;
                    continue;
            }
        }

        return -1;
    }

    private int Complete(int end)
    {
        _scanned = 0;
        _depth = 0;
        _started = false;
        _inString = false;
        _escaped = false;
        return end;
    }
}
