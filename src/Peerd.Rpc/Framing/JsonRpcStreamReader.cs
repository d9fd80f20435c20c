using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Peerd.Rpc.Framing;

/// <summary>
/// Splits a byte stream of JSON values written back to back (no length prefix, no delimiter; whitespace between
/// values allowed) into complete top-level values, as Core Lightning's <c>lightning-rpc</c> socket reads requests.
/// </summary>
/// <remarks>
/// Incremental: when a value is incomplete, the reader remembers the <see cref="JsonReaderState"/> and how far it got,
/// so the next call resumes instead of re-scanning. The contract is Kestrel's: after <see cref="JsonRpcReadStatus.NeedMoreData"/>
/// the caller drops the bytes before <c>consumed</c>, appends new data, and passes everything unconsumed again.
/// One instance serves one connection; it is not thread-safe.
/// </remarks>
public sealed class JsonRpcStreamReader
{
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = RpcLimits.MaxRequestDepth,
    };

    private readonly int _maxValueBytes;
    private JsonReaderState _state = new(ReaderOptions);
    private long _scanned; // bytes of the current value already consumed by the inner reader

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
    /// <param name="value">On <see cref="JsonRpcReadStatus.Complete"/>, exactly the value's bytes.</param>
    /// <param name="consumed">
    /// Where the caller may drop data up to: after the value when complete; after leading whitespace otherwise.
    /// </param>
    /// <param name="error">On <see cref="JsonRpcReadStatus.Malformed"/>, the parser's explanation.</param>
    public JsonRpcReadStatus TryRead(
        in ReadOnlySequence<byte> buffer,
        out ReadOnlySequence<byte> value,
        out SequencePosition consumed,
        out string? error)
    {
        value = default;
        error = null;

        // Leading whitespace belongs to no value; it only appears before a value starts (_scanned == 0).
        var start = _scanned == 0 ? SkipWhitespace(buffer) : buffer.Start;
        var available = buffer.Slice(start);
        consumed = start;
        if (available.IsEmpty)
        {
            return JsonRpcReadStatus.NeedMoreData;
        }

        var window = available.Length > _maxValueBytes ? available.Slice(0, _maxValueBytes) : available;
        var reader = new Utf8JsonReader(window.Slice(_scanned), isFinalBlock: false, _state);
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 0 && IsValueEnd(reader.TokenType))
                {
                    var length = _scanned + reader.BytesConsumed;
                    value = available.Slice(0, length);
                    consumed = value.End;
                    Reset();
                    return JsonRpcReadStatus.Complete;
                }
            }
        }
        catch (JsonException e)
        {
            error = e.Message;
            Reset();
            return JsonRpcReadStatus.Malformed;
        }

        if (available.Length >= _maxValueBytes)
        {
            Reset();
            return JsonRpcReadStatus.TooLarge;
        }

        _scanned += reader.BytesConsumed;
        _state = reader.CurrentState;
        return JsonRpcReadStatus.NeedMoreData;
    }

    /// <summary>Forgets any partially read value (e.g. after the caller discarded its buffer).</summary>
    public void Reset()
    {
        _state = new JsonReaderState(ReaderOptions);
        _scanned = 0;
    }

    /// <summary>The buffered text, for error messages, decoded leniently.</summary>
    public static string Describe(in ReadOnlySequence<byte> bytes) => Encoding.UTF8.GetString(bytes);

    private static bool IsValueEnd(JsonTokenType type) => type switch
    {
        JsonTokenType.EndObject or JsonTokenType.EndArray => true,
        JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False
            or JsonTokenType.Null => true,
        _ => false,
    };

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
