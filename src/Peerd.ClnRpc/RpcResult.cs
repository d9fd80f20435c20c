using System.Text.Json;
using System.Text.Json.Nodes;

namespace Peerd.ClnRpc;

/// <summary>
/// What a method returns: a result (a <see cref="JsonNode"/>, a callback that writes the result value, or an array
/// streamed in pieces), or an <see cref="RpcError"/>. Implicit conversions let a handler simply <c>return error;</c>
/// or <c>return node;</c>.
/// </summary>
public readonly struct RpcResult
{
    private readonly JsonNode? _node;
    private readonly Action<Utf8JsonWriter>? _writer;

    private RpcResult(JsonNode? node, Action<Utf8JsonWriter>? writer, RpcError? error, RpcStreamedArray? streamed = null)
    {
        _node = node;
        _writer = writer;
        Error = error;
        Streamed = streamed;
    }

    /// <summary>The streamed array when the result is <c>{"member":[…]}</c> written piece by piece, else null.</summary>
    public RpcStreamedArray? Streamed { get; }

    /// <summary>The error, or null on success.</summary>
    public RpcError? Error { get; }

    /// <summary>True when this is an error.</summary>
    public bool IsError => Error is not null;

    /// <summary>A success whose result is <paramref name="result"/>; null means the empty object <c>{}</c>.</summary>
    public static RpcResult Success(JsonNode? result) => new(result ?? new JsonObject(), null, null);

    /// <summary>
    /// A success whose result value is written by <paramref name="writeResult"/>, which must write exactly one JSON
    /// value (usually an object) with the given writer. Use it on hot paths to avoid building a node tree.
    /// </summary>
    public static RpcResult Success(Action<Utf8JsonWriter> writeResult)
    {
        ArgumentNullException.ThrowIfNull(writeResult);
        return new(null, writeResult, null);
    }

    /// <summary>
    /// A success whose result is <c>{"<paramref name="member"/>":[…]}</c>, the array's elements written a piece at a
    /// time by <paramref name="writeNext"/> (see <see cref="RpcStreamedArray"/>): the transport sends each piece before
    /// asking for the next, so a result of any length costs one piece of memory (Core Lightning's
    /// <c>json_stream</c> does the same for <c>listchannels</c>).
    /// </summary>
    public static RpcResult StreamedArray(string member, Func<Utf8JsonWriter, bool> writeNext) => new(null, null, null, new RpcStreamedArray(member, writeNext));

    /// <summary>A failure.</summary>
    public static RpcResult Failure(RpcError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(null, null, error);
    }

    /// <summary>A failure.</summary>
    public static implicit operator RpcResult(RpcError error) => Failure(error);

    /// <summary>A success with this result node.</summary>
    public static implicit operator RpcResult(JsonNode result) => Success(result);

    /// <summary>Writes the result value (not the envelope). Throws for an error result.</summary>
    public void WriteResultValue(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (Error is not null)
        {
            throw new InvalidOperationException("An error result has no result value.");
        }

        if (Streamed is { } streamed)
        {
            // Whole, for callers that want one buffer (tests, HandleAsync); the socket server streams instead.
            writer.WriteStartObject();
            writer.WriteStartArray(streamed.Member);
            while (streamed.WriteNext(writer))
            {
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        else if (_writer is not null)
        {
            _writer(writer);
        }
        else if (_node is not null)
        {
            _node.WriteTo(writer);
        }
        else
        {
            // default(RpcResult): treat as the empty object, like Success(null).
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
    }
}
