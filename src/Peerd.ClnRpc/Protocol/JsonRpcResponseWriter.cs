using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Peerd.ClnRpc.Filtering;

namespace Peerd.ClnRpc.Protocol;

/// <summary>
/// Writes responses exactly as Core Lightning does (<c>json_start</c>, <c>json_stream_double_cr</c>): compact, keys
/// in the order <c>jsonrpc</c>, <c>id</c>, <c>result</c>|<c>error</c>, the id copied verbatim, then exactly
/// <c>"\n\n"</c>. Clients such as pyln-client split the stream on that blank line, so a response never contains one.
/// </summary>
public static class JsonRpcResponseWriter
{
    // Our own results, read back for filtering: their depth is ours (a few levels), not a caller's.
    private static readonly JsonDocumentOptions ResultReadOptions = new() { MaxDepth = 256 };

    /// <summary>The terminator after every response.</summary>
    public static ReadOnlySpan<byte> Terminator => "\n\n"u8;

    /// <summary>
    /// Writer settings: compact, and strings escaped only where JSON requires it (quote, backslash, controls), as
    /// Core Lightning's <c>json_escape</c> does; the default encoder would turn <c>'</c> into <c>\u0027</c>.
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>
    /// Writes a whole response for <paramref name="result"/>. If writing the result value throws, or it would put a
    /// blank line in the stream, nothing of it is kept and a -1 error response is written instead.
    /// </summary>
    /// <param name="idJson">The id to echo, raw.</param>
    /// <param name="result">The method's outcome.</param>
    /// <param name="method">The method name, for error texts.</param>
    /// <param name="filter">The request's <c>filter</c>: applied to a success's result, never to an error.</param>
    /// <returns>The bytes of the response, terminator included.</returns>
    public static byte[] Write(string idJson, in RpcResult result, string method, JsonFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(idJson);
        if (result.Error is { } error)
        {
            return WriteError(idJson, error);
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                WriteHead(writer, idJson);
                writer.WritePropertyName("result"u8);
                if (filter is null)
                {
                    result.WriteResultValue(writer);
                }
                else
                {
                    WriteFiltered(result, filter, writer);
                }

                writer.WriteEndObject();
            }
        }
        catch (Exception e)
        {
            return WriteError(idJson, RpcError.ServerError($"Internal error in {method}: result could not be written: {e.Message}"));
        }

        if (buffer.WrittenSpan.IndexOf(Terminator) >= 0)
        {
            return WriteError(idJson, RpcError.ServerError($"Internal error in {method}: result contains a blank line"));
        }

        buffer.Write(Terminator);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Writes the response for <paramref name="result"/> through <paramref name="send"/>: whole (as
    /// <see cref="Write"/>) unless it is streamed (<see cref="RpcResult.Streamed"/>), in which case it goes out in
    /// pieces of about <see cref="RpcLimits.ResponsePieceBytes"/>, each sent before the next is written. A streamed
    /// result that fails before its first piece is sent becomes a -1 error, as <see cref="Write"/> does; one that fails
    /// later throws, and the caller must end the connection (the client holds half a response).
    /// </summary>
    /// <param name="idJson">The id to echo, raw.</param>
    /// <param name="result">The method's outcome.</param>
    /// <param name="method">The method name, for error texts.</param>
    /// <param name="filter">The request's <c>filter</c>, applied part by part (<see cref="JsonFilteredArray"/>).</param>
    /// <param name="send">Sends one piece; the memory is reused once it completes.</param>
    public static async ValueTask WriteAsync(string idJson, RpcResult result, string method, JsonFilter? filter, Func<ReadOnlyMemory<byte>, ValueTask> send)
    {
        ArgumentNullException.ThrowIfNull(idJson);
        ArgumentNullException.ThrowIfNull(send);
        if (result.Streamed is not { } streamed)
        {
            await send(Write(idJson, result, method, filter)).ConfigureAwait(false);
            return;
        }

        var piece = new StreamedPiece(streamed, filter);
        var buffer = new ArrayBufferWriter<byte>(RpcLimits.ResponsePieceBytes + (RpcLimits.ResponsePieceBytes / 4));
        using var writer = new Utf8JsonWriter(buffer, WriterOptions);
        WriteHead(writer, idJson);
        writer.WritePropertyName("result"u8);
        piece.WriteStart(writer);
        bool sentAny = false;
        byte last = 0;
        bool more = true;
        while (more)
        {
            try
            {
                more = piece.WriteNext(writer);
                if (!more)
                {
                    piece.WriteEnd(writer);
                    writer.WriteEndObject();
                }

                writer.Flush();
                if (HasBlankLine(last, buffer.WrittenSpan))
                {
                    throw new InvalidOperationException("result contains a blank line");
                }
            }
            catch (Exception e) when (!sentAny)
            {
                await send(WriteError(idJson, RpcError.ServerError($"Internal error in {method}: result could not be written: {e.Message}"))).ConfigureAwait(false);
                return;
            }

            if (!more)
            {
                buffer.Write(Terminator);
            }

            if (buffer.WrittenCount >= RpcLimits.ResponsePieceBytes || !more)
            {
                last = buffer.WrittenSpan[^1];
                await send(buffer.WrittenMemory).ConfigureAwait(false);
                buffer.ResetWrittenCount();
                sentAny = true;
            }
        }
    }

    /// <summary>Writes an error response: <c>{"jsonrpc":"2.0","id":…,"error":{"code":N,"message":"…"}}</c> + <c>\n\n</c>.</summary>
    public static byte[] WriteError(string idJson, RpcError error)
    {
        ArgumentNullException.ThrowIfNull(idJson);
        ArgumentNullException.ThrowIfNull(error);
        var buffer = new ArrayBufferWriter<byte>(128 + error.Message.Length);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteHead(writer, idJson);
            writer.WriteStartObject("error"u8);
            writer.WriteNumber("code"u8, error.Code);
            writer.WriteString("message"u8, error.Message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        buffer.Write(Terminator);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Writes the result once unfiltered, reads it back and writes it through <paramref name="filter"/>: a method
    /// knows nothing of filters, and only filtered calls pay for the second pass.
    /// </summary>
    private static void WriteFiltered(in RpcResult result, JsonFilter filter, Utf8JsonWriter writer)
    {
        var unfiltered = new ArrayBufferWriter<byte>(256);
        using (var inner = new Utf8JsonWriter(unfiltered, WriterOptions))
        {
            result.WriteResultValue(inner);
        }

        using var document = JsonDocument.Parse(unfiltered.WrittenMemory, ResultReadOptions);
        JsonFilterWriter.Write(filter, document.RootElement, writer);
    }

    private static bool HasBlankLine(byte previous, ReadOnlySpan<byte> written) =>
        written.IndexOf(Terminator) >= 0 || (previous == (byte)'\n' && !written.IsEmpty && written[0] == (byte)'\n');

    private static void WriteHead(Utf8JsonWriter writer, string idJson)
    {
        writer.WriteStartObject();
        writer.WriteString("jsonrpc"u8, "2.0"u8);
        writer.WritePropertyName("id"u8);
        writer.WriteRawValue(idJson, skipInputValidation: true);
    }
}
