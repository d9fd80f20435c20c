using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Peerd.ClnRpc.Tests.Support;

/// <summary>A bare Unix-socket client: sends raw bytes, reads responses split on the "\n\n" terminator.</summary>
public sealed class RawRpcClient : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly List<byte> _pending = [];

    public RawRpcClient(string path)
    {
        _socket.Connect(new UnixDomainSocketEndPoint(path));
    }

    public Socket Socket => _socket;

    public void Send(string text) => Send(Encoding.UTF8.GetBytes(text));

    public void Send(byte[] bytes) => _socket.Send(bytes);

    /// <summary>The next response's text (without its terminator), or null at end of stream.</summary>
    public async Task<string?> ReadResponseAsync()
    {
        var chunk = new byte[4096];
        while (true)
        {
            var text = Encoding.UTF8.GetString(_pending.ToArray());
            var end = text.IndexOf("\n\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                var consumed = Encoding.UTF8.GetByteCount(text[..(end + 2)]);
                _pending.RemoveRange(0, consumed);
                return text[..end];
            }

            var n = await _socket.ReceiveAsync(chunk, SocketFlags.None);
            if (n == 0)
            {
                return _pending.Count == 0 ? null : throw new InvalidDataException("Stream ended inside a response: " + text);
            }

            _pending.AddRange(chunk.AsSpan(0, n).ToArray());
        }
    }

    public async Task<JsonElement> ReadJsonAsync()
    {
        var text = await ReadResponseAsync() ?? throw new EndOfStreamException("no response");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>True when the server closed its side (after any pending responses).</summary>
    public async Task<bool> IsClosedByServerAsync() => await ReadResponseAsync() is null;

    public void Dispose() => _socket.Dispose();
}
