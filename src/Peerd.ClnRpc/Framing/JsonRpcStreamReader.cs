using System.Buffers;
using System.Text;

namespace Peerd.ClnRpc.Framing;

/// <summary>
/// Splits a byte stream of JSON values written back to back (no length prefix, no delimiter; whitespace between
/// values allowed) into complete top-level values, as Core Lightning's <c>lightning-rpc</c> socket reads requests:
/// with its lenient grammar (see <see cref="JsmnScanner"/>: bare tokens, loose commas), each value handed on
/// rewritten as strict JSON.
/// </summary>
/// <remarks>
/// Incremental: when a value is incomplete, the reader remembers how far it got, so the next call resumes instead of
/// re-scanning. The contract is Kestrel's: after <see cref="JsonRpcReadStatus.NeedMoreData"/> the caller drops the
/// bytes before <c>consumed</c>, appends new data, and passes everything unconsumed again.
/// One instance serves one connection; it is not thread-safe.
/// </remarks>
public sealed class JsonRpcStreamReader
{
    private readonly int _maxValueBytes;
    private readonly JsmnScanner _scanner = new(RpcLimits.MaxRequestDepth);
    private bool _started; // a value has begun: leading whitespace was already dropped
    private byte[] _copy = []; // a contiguous copy when the buffer has several segments

    /// <summary>Creates a reader bounding each value to <paramref name="maxValueBytes"/> bytes.</summary>
    public JsonRpcStreamReader(int maxValueBytes = RpcLimits.MaxRequestBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxValueBytes, 2);
        _maxValueBytes = maxValueBytes;
    }

    /// <summary>
    /// Looks for one complete top-level value at the start of <paramref name="buffer"/> (after optional whitespace).
    /// </summary>
    /// <param name="buffer">All bytes received and not yet consumed.</param>
    /// <param name="value">On <see cref="JsonRpcReadStatus.Complete"/>, the value rewritten as strict JSON.</param>
    /// <param name="consumed">
    /// Where the caller may drop data up to: after the value when complete; after leading whitespace otherwise.
    /// </param>
    /// <param name="error">On <see cref="JsonRpcReadStatus.Malformed"/>, the parser's explanation.</param>
    public JsonRpcReadStatus TryRead(
        in ReadOnlySequence<byte> buffer,
        out ReadOnlySequence<byte> value,
        out SequencePosition consumed,
        out string? error) => TryRead(buffer, out value, out _, out consumed, out error);

    /// <summary>As the other overload, and also gives the value's bytes exactly as received.</summary>
    /// <param name="buffer">All bytes received and not yet consumed.</param>
    /// <param name="value">On <see cref="JsonRpcReadStatus.Complete"/>, the value rewritten as strict JSON.</param>
    /// <param name="raw">On <see cref="JsonRpcReadStatus.Complete"/>, the value's bytes as received (a slice of <paramref name="buffer"/>).</param>
    /// <param name="consumed">Where the caller may drop data up to.</param>
    /// <param name="error">On <see cref="JsonRpcReadStatus.Malformed"/>, the parser's explanation.</param>
    public JsonRpcReadStatus TryRead(
        in ReadOnlySequence<byte> buffer,
        out ReadOnlySequence<byte> value,
        out ReadOnlySequence<byte> raw,
        out SequencePosition consumed,
        out string? error)
    {
        value = default;
        raw = default;
        error = null;

        // Leading whitespace belongs to no value; it only appears before a value starts.
        var start = _started ? buffer.Start : SkipWhitespace(buffer);
        var available = buffer.Slice(start);
        consumed = start;
        if (available.IsEmpty)
        {
            return JsonRpcReadStatus.NeedMoreData;
        }

        _started = true;
        var window = available.Length > _maxValueBytes ? available.Slice(0, _maxValueBytes) : available;
        var result = _scanner.Scan(Contiguous(window), out var end, out var normalized, out error);
        switch (result)
        {
            case JsmnScanner.Result.Complete:
                raw = available.Slice(0, end);
                value = new ReadOnlySequence<byte>(normalized!);
                consumed = raw.End;
                Reset();
                return JsonRpcReadStatus.Complete;
            case JsmnScanner.Result.Invalid:
                Reset();
                return JsonRpcReadStatus.Malformed;
        }

        if (available.Length >= _maxValueBytes)
        {
            Reset();
            return JsonRpcReadStatus.TooLarge;
        }

        return JsonRpcReadStatus.NeedMoreData;
    }

    /// <summary>Forgets any partially read value (e.g. after the caller discarded its buffer).</summary>
    public void Reset()
    {
        _scanner.Reset();
        _started = false;
    }

    /// <summary>The buffered text, for error messages, decoded leniently.</summary>
    public static string Describe(in ReadOnlySequence<byte> bytes) => Encoding.UTF8.GetString(bytes);

    private ReadOnlySpan<byte> Contiguous(in ReadOnlySequence<byte> window)
    {
        if (window.IsSingleSegment)
        {
            return window.FirstSpan;
        }

        if (_copy.Length < window.Length)
        {
            _copy = new byte[Math.Max(window.Length, Math.Min(_copy.Length * 2L, _maxValueBytes))];
        }

        window.CopyTo(_copy);
        return _copy.AsSpan(0, (int)window.Length);
    }

    private static SequencePosition SkipWhitespace(in ReadOnlySequence<byte> buffer)
    {
        var position = buffer.Start;
        var current = buffer.Start;
        while (buffer.TryGet(ref current, out var memory))
        {
            var span = memory.Span;
            var index = span.IndexOfAnyExcept(" \t\r\n"u8);
            if (index >= 0)
            {
                return buffer.GetPosition(index, position);
            }

            position = current;
        }

        return buffer.End;
    }
}
