using System.Globalization;
using System.Text;

namespace Peerd.Xrpl.Protocol.Handshake;

/// <summary>An HTTP/1.1 request line and fields (the peer upgrade request has no body).</summary>
/// <param name="Method">The method, <c>GET</c> for a peer upgrade.</param>
/// <param name="Target">The request target, <c>/</c>.</param>
/// <param name="Headers">The fields.</param>
/// <param name="Version"><c>HTTP/1.1</c> or <c>HTTP/1.0</c>.</param>
public sealed record HttpRequestHead(string Method, string Target, HttpHeaders Headers, string Version = "HTTP/1.1")
{
    /// <summary>Serialises the head, ending with the blank line.</summary>
    public byte[] ToBytes()
    {
        var text = new StringBuilder();
        text.Append(Method).Append(' ').Append(Target).Append(' ').Append(Version).Append("\r\n");
        HttpHeadText.AppendFields(text, Headers);
        return Encoding.Latin1.GetBytes(text.ToString());
    }
}

/// <summary>An HTTP/1.1 status line and fields; a body, if any, follows separately (see <see cref="ContentLength"/>).</summary>
/// <param name="StatusCode">The status code (101 for a successful upgrade).</param>
/// <param name="Reason">The reason phrase; rippled's refusals carry their cause here: <c>Bad Request (Self connection)</c>.</param>
/// <param name="Headers">The fields.</param>
/// <param name="Version"><c>HTTP/1.1</c> or <c>HTTP/1.0</c>.</param>
public sealed record HttpResponseHead(int StatusCode, string Reason, HttpHeaders Headers, string Version = "HTTP/1.1")
{
    /// <summary>The <c>Content-Length</c>, or 0 when absent or not a number.</summary>
    public int ContentLength =>
        int.TryParse(Headers["Content-Length"], NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : 0;

    /// <summary>Serialises the head (and <paramref name="body"/>, whose length the caller put in <c>Content-Length</c>).</summary>
    public byte[] ToBytes(ReadOnlySpan<byte> body = default)
    {
        var text = new StringBuilder();
        text.Append(Version).Append(' ').Append(StatusCode.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(Reason).Append("\r\n");
        HttpHeadText.AppendFields(text, Headers);
        var head = Encoding.Latin1.GetBytes(text.ToString());
        var bytes = new byte[head.Length + body.Length];
        head.CopyTo(bytes, 0);
        body.CopyTo(bytes.AsSpan(head.Length));
        return bytes;
    }
}

internal static class HttpHeadText
{
    internal static void AppendFields(StringBuilder text, HttpHeaders headers)
    {
        foreach (var (name, value) in headers)
        {
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        text.Append("\r\n");
    }
}
