using System.Buffers;
using System.Net.Sockets;
using System.Text;
using Peerd.Rpc.Framing;

namespace Peerd.Cli.Lightning;

/// <summary>
/// A blocking client of the <c>lightning-rpc</c> socket: writes a request, then reads whole JSON values (responses
/// and notifications) however the server splits them. Blocking I/O keeps the start-up path short.
/// </summary>
public sealed class RpcSocketClient : IDisposable
{
    /// <summary>
    /// Largest reply accepted: 256 MiB (256 &lt;&lt; 20), rippled's <c>RPC_REPLY_MAX_BYTES</c>; replies such as
    /// <c>listnodes</c> on mainnet run to tens of megabytes.
    /// </summary>
    public const int MaxReplyBytes = 256 << 20;

    private const int ReadChunkBytes = 64 * 1024;

    private readonly Socket _socket;
    private readonly JsonRpcStreamReader _reader = new(MaxReplyBytes);
    private byte[] _buffer = new byte[ReadChunkBytes];
    private int _start;
    private int _end;

    private RpcSocketClient(Socket socket)
    {
        _socket = socket;
    }

    /// <summary>
    /// Connects to <paramref name="path"/>. A path too long for <c>sockaddr_un</c> is reached from its directory,
    /// as <c>lightning-cli</c> does with <c>chdir</c>. Throws <see cref="SocketException"/> on failure.
    /// </summary>
    public static RpcSocketClient Connect(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            if (Encoding.UTF8.GetByteCount(path) < 108)
            {
                socket.Connect(new UnixDomainSocketEndPoint(path));
            }
            else
            {
                var previous = Environment.CurrentDirectory;
                Environment.CurrentDirectory = Path.GetDirectoryName(path)!;
                try
                {
                    socket.Connect(new UnixDomainSocketEndPoint(Path.GetFileName(path)));
                }
                finally
                {
                    Environment.CurrentDirectory = previous;
                }
            }

            return new RpcSocketClient(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Writes the whole request.</summary>
    public void Send(string request) => _socket.Send(Encoding.UTF8.GetBytes(request));

    /// <summary>
    /// The next complete JSON value, or null when the server closed the connection first. Throws
    /// <see cref="InvalidDataException"/> with <c>lightning-cli</c>'s text for bytes that are not JSON.
    /// </summary>
    public byte[]? ReadValue()
    {
        while (true)
        {
            var data = new ReadOnlySequence<byte>(_buffer, _start, _end - _start);
            var status = _reader.TryRead(data, out var value, out var consumed, out _);
            switch (status)
            {
                case JsonRpcReadStatus.Complete:
                    var bytes = value.ToArray();
                    _start += (int)data.Slice(0, consumed).Length;
                    return bytes;
                case JsonRpcReadStatus.Malformed:
                    throw new InvalidDataException($"Malformed response '{Encoding.UTF8.GetString(data)}'");
                case JsonRpcReadStatus.TooLarge:
                    throw new InvalidDataException($"Response larger than {MaxReplyBytes} bytes");
            }

            _start += (int)data.Slice(0, consumed).Length;
            if (!Receive())
            {
                return null;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _socket.Dispose();

    private bool Receive()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_buffer.Length - _end < ReadChunkBytes)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _end + ReadChunkBytes));
        }

        var received = _socket.Receive(_buffer, _end, _buffer.Length - _end, SocketFlags.None);
        _end += received;
        return received > 0;
    }
}
