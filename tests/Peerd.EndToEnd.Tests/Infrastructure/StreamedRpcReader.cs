using System.Net.Sockets;
using System.Text;

namespace Peerd.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Reads one large response from the <c>lightning-rpc</c> socket without holding it: counts the bytes and the
/// occurrences of a marker (e.g. each entry's first key) up to the terminating "\n\n", and keeps only its tail.
/// </summary>
public static class StreamedRpcReader
{
    /// <summary>Calls <paramref name="method"/> with no parameters; returns the response's length, the marker count and its last bytes.</summary>
    public static async Task<(long Bytes, int Markers, string Tail)> CountAsync(string socketPath, string method, string marker, TimeSpan deadline)
    {
        using var cts = new CancellationTokenSource(deadline);
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cts.Token);
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":{}}"), SocketFlags.None, cts.Token);
        var needle = Encoding.UTF8.GetBytes(marker);
        var buffer = new byte[(64 * 1024) + needle.Length];
        int carried = 0; // bytes kept from the previous read, so a marker or the terminator split across reads is seen
        long total = 0;
        int markers = 0;
        while (true)
        {
            int read = await socket.ReceiveAsync(buffer.AsMemory(carried, buffer.Length - carried), SocketFlags.None, cts.Token);
            if (read == 0)
            {
                throw new EndOfStreamException($"{method}: the socket closed after {total} bytes");
            }

            total += read;
            var window = buffer.AsSpan(0, carried + read);
            for (int from = 0, next; (next = window[from..].IndexOf(needle)) >= 0; from += next + needle.Length)
            {
                if (from + next + needle.Length > carried)
                {
                    markers++; // not whole in the bytes carried over, so not counted before
                }
            }

            int end = window.IndexOf("\n\n"u8);
            if (end >= 0)
            {
                return (total, markers, Encoding.UTF8.GetString(window[Math.Max(0, end - 40)..(end + 2)]));
            }

            carried = Math.Min(needle.Length, window.Length);
            window[^carried..].CopyTo(buffer);
        }
    }
}
