using System.Buffers;
using System.Text.Json;
using Peerd.ClnRpc.Filtering;

namespace Peerd.ClnRpc.Protocol;

/// <summary>
/// One streamed result being written: unfiltered, each piece goes straight into the response; filtered, each piece
/// is written aside as a JSON array, read back and written through the filter (<see cref="JsonFilteredArray"/>), so
/// only a piece is ever held twice.
/// </summary>
internal sealed class StreamedPiece(RpcStreamedArray streamed, JsonFilter? filter)
{
    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 256 };

    private readonly JsonFilteredArray? _filtered = filter is null ? null : new JsonFilteredArray(filter, streamed.Member);
    private ArrayBufferWriter<byte>? _aside;

    public void WriteStart(Utf8JsonWriter writer)
    {
        if (_filtered is null)
        {
            writer.WriteStartObject();
            writer.WriteStartArray(streamed.Member);
        }
        else
        {
            _filtered.WriteStart(writer);
        }
    }

    /// <summary>Writes the next piece; false when it was the last.</summary>
    public bool WriteNext(Utf8JsonWriter writer)
    {
        if (_filtered is null)
        {
            return streamed.WriteNext(writer);
        }

        _aside ??= new ArrayBufferWriter<byte>(RpcLimits.ResponsePieceBytes);
        _aside.ResetWrittenCount();
        bool more;
        using (var inner = new Utf8JsonWriter(_aside, JsonRpcResponseWriter.WriterOptions))
        {
            inner.WriteStartArray();
            more = streamed.WriteNext(inner);
            inner.WriteEndArray();
        }

        using var part = JsonDocument.Parse(_aside.WrittenMemory, ReadOptions);
        _filtered.WriteElements(part.RootElement, writer);
        return more;
    }

    public void WriteEnd(Utf8JsonWriter writer)
    {
        if (_filtered is null)
        {
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        else
        {
            _filtered.WriteEnd(writer);
        }
    }
}
