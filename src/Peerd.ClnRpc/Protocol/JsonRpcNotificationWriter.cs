using System.Buffers;
using System.Text.Json;

namespace Peerd.ClnRpc.Protocol;

/// <summary>
/// Writes the notifications Core Lightning sends about a running command (<c>json_notify_fmt</c>, and the
/// <c>progress</c> shape of <c>doc/schemas/notifications.json</c>): a request object without an <c>id</c>, whose
/// <c>params.id</c> is the command's id verbatim, followed by <c>"\n\n"</c> like every response.
/// </summary>
public static class JsonRpcNotificationWriter
{
    /// <summary>
    /// <c>{"jsonrpc":"2.0","method":"message","params":{"id":…,"level":"…","message":"…"}}</c>; the level is a
    /// Core Lightning log level name (<c>debug</c>, <c>info</c>, <c>unusual</c>, <c>broken</c>).
    /// </summary>
    public static byte[] Message(string idJson, string level, string message)
    {
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(message);
        return Write("message"u8, idJson, writer =>
        {
            writer.WriteString("level"u8, level);
            writer.WriteString("message"u8, message);
        });
    }

    /// <summary>
    /// <c>{"jsonrpc":"2.0","method":"progress","params":{"id":…,"num":N,"total":T[,"stage":{"num":S,"total":ST}]}}</c>,
    /// with <c>0 &lt;= num &lt; total</c>.
    /// </summary>
    public static byte[] Progress(string idJson, int num, int total, (int Num, int Total)? stage = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(num);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(num, total);
        return Write("progress"u8, idJson, writer =>
        {
            writer.WriteNumber("num"u8, num);
            writer.WriteNumber("total"u8, total);
            if (stage is { } s)
            {
                writer.WriteStartObject("stage"u8);
                writer.WriteNumber("num"u8, s.Num);
                writer.WriteNumber("total"u8, s.Total);
                writer.WriteEndObject();
            }
        });
    }

    private static byte[] Write(ReadOnlySpan<byte> method, string idJson, Action<Utf8JsonWriter> body)
    {
        ArgumentNullException.ThrowIfNull(idJson);
        var buffer = new ArrayBufferWriter<byte>(160);
        using (var writer = new Utf8JsonWriter(buffer, JsonRpcResponseWriter.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc"u8, "2.0"u8);
            writer.WriteString("method"u8, method);
            writer.WriteStartObject("params"u8);
            writer.WritePropertyName("id"u8);
            writer.WriteRawValue(idJson, skipInputValidation: true);
            body(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        buffer.Write(JsonRpcResponseWriter.Terminator);
        return buffer.WrittenSpan.ToArray();
    }
}
