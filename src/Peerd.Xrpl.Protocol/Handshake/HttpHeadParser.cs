using System.Buffers;
using System.Globalization;
using System.Text;

namespace Peerd.Xrpl.Protocol.Handshake;

/// <summary>Why an HTTP head was refused.</summary>
public enum HttpParseError
{
    /// <summary>No error.</summary>
    None,

    /// <summary>No blank line within <see cref="HttpHeadParser.MaxHeadLength"/> bytes.</summary>
    HeadTooLarge,

    /// <summary>The request or status line is not <c>METHOD target HTTP/1.x</c> / <c>HTTP/1.x code reason</c>.</summary>
    BadStartLine,

    /// <summary>A field line is not <c>name: value</c> (or uses obsolete line folding).</summary>
    BadHeaderField,
}

/// <summary>
/// Incremental parser for the HTTP/1.1 head of the peer upgrade exchange: waits for the blank line, bounded by
/// <see cref="MaxHeadLength"/>, and reports how far it consumed so the bytes after the head (the first frames of the
/// binary protocol, or a body) stay in the buffer.
/// </summary>
public static class HttpHeadParser
{
    /// <summary>Largest head accepted: 8 KiB, Boost.Beast's default <c>header_limit</c> that rippled's parsers use.</summary>
    public const int MaxHeadLength = 8 * 1024;

    private static ReadOnlySpan<byte> HeadEnd => "\r\n\r\n"u8;

    /// <summary>Parses a request head.</summary>
    public static OperationStatus TryParseRequest(in ReadOnlySequence<byte> buffer, out HttpRequestHead? request, out SequencePosition consumed, out HttpParseError error)
    {
        request = null;
        var status = TryReadLines(buffer, out var lines, out consumed, out error);
        if (status != OperationStatus.Done)
        {
            return status;
        }

        var parts = lines[0].Split(' ');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0 || !IsHttp1(parts[2]) || !IsToken(parts[0]))
        {
            error = HttpParseError.BadStartLine;
            return OperationStatus.InvalidData;
        }

        if (!TryParseFields(lines, out var headers))
        {
            error = HttpParseError.BadHeaderField;
            return OperationStatus.InvalidData;
        }

        request = new HttpRequestHead(parts[0], parts[1], headers, parts[2]);
        return OperationStatus.Done;
    }

    /// <summary>Parses a response head.</summary>
    public static OperationStatus TryParseResponse(in ReadOnlySequence<byte> buffer, out HttpResponseHead? response, out SequencePosition consumed, out HttpParseError error)
    {
        response = null;
        var status = TryReadLines(buffer, out var lines, out consumed, out error);
        if (status != OperationStatus.Done)
        {
            return status;
        }

        var line = lines[0];
        var firstSpace = line.IndexOf(' ', StringComparison.Ordinal);
        var secondSpace = firstSpace < 0 ? -1 : line.IndexOf(' ', firstSpace + 1);
        var codeText = firstSpace < 0 ? string.Empty : secondSpace < 0 ? line[(firstSpace + 1)..] : line[(firstSpace + 1)..secondSpace];
        if (firstSpace < 0 || !IsHttp1(line[..firstSpace]) || codeText.Length != 3
            || !int.TryParse(codeText, NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code < 100)
        {
            error = HttpParseError.BadStartLine;
            return OperationStatus.InvalidData;
        }

        if (!TryParseFields(lines, out var headers))
        {
            error = HttpParseError.BadHeaderField;
            return OperationStatus.InvalidData;
        }

        response = new HttpResponseHead(code, secondSpace < 0 ? string.Empty : line[(secondSpace + 1)..], headers, line[..firstSpace]);
        return OperationStatus.Done;
    }

    private static OperationStatus TryReadLines(in ReadOnlySequence<byte> buffer, out string[] lines, out SequencePosition consumed, out HttpParseError error)
    {
        lines = [];
        consumed = buffer.Start;
        error = HttpParseError.None;
        var window = buffer.Length > MaxHeadLength ? buffer.Slice(0, MaxHeadLength) : buffer;
        var reader = new SequenceReader<byte>(window);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> head, HeadEnd, advancePastDelimiter: true))
        {
            if (buffer.Length >= MaxHeadLength)
            {
                error = HttpParseError.HeadTooLarge;
                return OperationStatus.InvalidData;
            }

            return OperationStatus.NeedMoreData;
        }

        consumed = reader.Position;
        lines = Encoding.Latin1.GetString(head).Split("\r\n");
        return OperationStatus.Done;
    }

    private static bool TryParseFields(string[] lines, out HttpHeaders headers)
    {
        headers = new HttpHeaders();
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !IsToken(line.AsSpan(0, colon)) || line.Contains('\n', StringComparison.Ordinal))
            {
                return false;
            }

            headers.Add(line[..colon], line[(colon + 1)..].Trim(' ', '\t'));
        }

        return true;
    }

    private static bool IsHttp1(string version) => version is "HTTP/1.1" or "HTTP/1.0";

    // RFC 7230 tchar.
    private static bool IsToken(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return !text.IsEmpty;
    }
}
