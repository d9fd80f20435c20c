using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Peerd.Cli.Xrpl;

/// <summary>The HTTP reply: status code and body.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Body">The body text.</param>
public sealed record XrplHttpReply(int Status, string Body);

/// <summary>
/// A one-shot HTTP/1.0 POST as rippled's command line sends it (<c>createHTTPPost</c>): plain socket, no HTTP stack
/// to load, the body read up to <c>Content-Length</c> or the end of the stream.
/// </summary>
public static class XrplHttpClient
{
    /// <summary>Largest reply read: 256 MiB, rippled's <c>RPC_REPLY_MAX_BYTES</c>.</summary>
    public const int MaxReplyBytes = 256 << 20;

    /// <summary>Builds the request bytes.</summary>
    public static byte[] BuildRequest(string host, string body, string? user, string? password)
    {
        ArgumentNullException.ThrowIfNull(body);
        var bodyBytes = Encoding.UTF8.GetBytes(body);
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        var head =
            "POST / HTTP/1.0\r\n" +
            "User-Agent: peerd-json-rpc/v1\r\n" +
            $"Host: {host}\r\n" +
            "Content-Type: application/json\r\n" +
            $"Content-Length: {bodyBytes.Length}\r\n" +
            "Accept: application/json\r\n" +
            $"Authorization: Basic {auth}\r\n" +
            "\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. bodyBytes];
    }

    /// <summary>Sends <paramref name="request"/> to <paramref name="endpoint"/> and reads the reply.</summary>
    /// <exception cref="SocketException">The connection failed.</exception>
    /// <exception cref="InvalidDataException">The reply is not HTTP.</exception>
    public static XrplHttpReply Post(EndPoint endpoint, byte[] request)
    {
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(endpoint);
        socket.Send(request);

        var received = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(received)) < 0)
        {
            if (!ReceiveInto(socket, received, chunk))
            {
                throw new InvalidDataException(received.Length == 0 ? "no response from server" : "incomplete HTTP reply");
            }
        }

        var head = Encoding.ASCII.GetString(received.GetBuffer(), 0, headerEnd);
        var status = ParseStatus(head);
        var contentLength = ParseContentLength(head);
        var bodyStart = headerEnd + 4;
        while (contentLength is null || received.Length - bodyStart < contentLength)
        {
            if (received.Length - bodyStart > MaxReplyBytes)
            {
                throw new InvalidDataException("reply too large");
            }

            if (!ReceiveInto(socket, received, chunk))
            {
                break; // HTTP/1.0: the end of the stream ends the body
            }
        }

        var length = (int)Math.Min(received.Length - bodyStart, contentLength ?? long.MaxValue);
        return new XrplHttpReply(status, Encoding.UTF8.GetString(received.GetBuffer(), bodyStart, length));
    }

    /// <summary>Parses <c>host:port</c>, <c>[v6]:port</c> or a bare host (port 5005).</summary>
    public static bool TryParseAddress(string text, out string host, out int port)
    {
        ArgumentNullException.ThrowIfNull(text);
        port = 5005;
        host = text;
        int colon;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            host = text[1..close];
            colon = close + 1 < text.Length ? close + 1 : -1;
            if (colon >= 0 && text[colon] != ':')
            {
                return false;
            }
        }
        else
        {
            colon = text.Count(c => c == ':') == 1 ? text.IndexOf(':') : -1;
            if (colon >= 0)
            {
                host = text[..colon];
            }
        }

        return host.Length > 0
            && (colon < 0 || (int.TryParse(text.AsSpan(colon + 1), out port) && port is > 0 and <= 65535));
    }

    private static bool ReceiveInto(Socket socket, MemoryStream received, byte[] chunk)
    {
        var n = socket.Receive(chunk);
        if (n == 0)
        {
            return false;
        }

        received.Write(chunk, 0, n);
        return true;
    }

    private static int IndexOfHeaderEnd(MemoryStream received) =>
        received.GetBuffer().AsSpan(0, (int)received.Length).IndexOf("\r\n\r\n"u8);

    private static int ParseStatus(string head)
    {
        var firstLine = head.Split("\r\n")[0].Split(' ');
        return firstLine.Length >= 2 && firstLine[0].StartsWith("HTTP/", StringComparison.Ordinal) && int.TryParse(firstLine[1], out var status)
            ? status
            : throw new InvalidDataException($"not an HTTP reply: '{firstLine[0]}'");
    }

    private static long? ParseContentLength(string head)
    {
        foreach (var line in head.Split("\r\n").Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                && long.TryParse(line[(colon + 1)..].Trim(), out var length))
            {
                return length;
            }
        }

        return null;
    }
}
