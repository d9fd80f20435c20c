using System.Text;
using Peerd.Cli.Json;

namespace Peerd.Cli.Lightning;

/// <summary>
/// A blocking client of the <c>lightning-rpc</c> socket: writes a request, then reads whole JSON values (responses
/// and notifications) however the server splits them.
/// </summary>
public sealed class RpcSocketClient : IDisposable
{
    /// <summary>
    /// Largest reply accepted: 256 MiB (256 &lt;&lt; 20), rippled's <c>RPC_REPLY_MAX_BYTES</c>; replies such as
    /// <c>listnodes</c> on mainnet run to tens of megabytes.
    /// </summary>
    public const int MaxReplyBytes = 256 << 20;

    /// <summary><c>sun_path</c> holds 108 bytes including the terminating NUL.</summary>
    private const int MaxSocketPathBytes = 107;

    private const int ReadChunkBytes = 64 * 1024;

    private readonly UnixSocket _socket;
    private readonly JsonValueScanner _scanner = new();
    private byte[] _buffer = new byte[ReadChunkBytes];
    private int _start;
    private int _end;

    private RpcSocketClient(UnixSocket socket)
    {
        _socket = socket;
    }

    /// <summary>
    /// Connects to <paramref name="path"/>. A path too long for <c>sockaddr_un</c> is reached from its directory,
    /// as <c>lightning-cli</c> does with <c>chdir</c>. Throws <see cref="IOException"/> with the C library's text.
    /// </summary>
    public static RpcSocketClient Connect(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Encoding.UTF8.GetByteCount(path) <= MaxSocketPathBytes)
        {
            return new RpcSocketClient(UnixSocket.Connect(path));
        }

        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = Path.GetDirectoryName(path)!;
        try
        {
            var name = Path.GetFileName(path);
            return Encoding.UTF8.GetByteCount(name) <= MaxSocketPathBytes
                ? new RpcSocketClient(UnixSocket.Connect(name))
                : throw new IOException($"rpc filename '{name}' too long");
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    /// <summary>Writes the whole request.</summary>
    public void Send(string request) => _socket.Write(Encoding.UTF8.GetBytes(request));

    /// <summary>
    /// The next complete JSON value, or null when the server closed the connection first. Throws
    /// <see cref="InvalidDataException"/> with <c>lightning-cli</c>'s text for bytes that are not JSON.
    /// </summary>
    public RawNode? ReadValue()
    {
        while (true)
        {
            var end = _scanner.FindEnd(_buffer.AsSpan(_start, _end - _start));
            if (end >= 0)
            {
                var value = _buffer.AsSpan(_start, end);
                _start += end;
                try
                {
                    return RawNode.Parse(value);
                }
                catch (FormatException)
                {
                    throw new InvalidDataException($"Malformed response '{Encoding.UTF8.GetString(value)}'");
                }
            }

            if (_end - _start >= MaxReplyBytes)
            {
                throw new InvalidDataException($"Response larger than {MaxReplyBytes} bytes");
            }

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
        if (_buffer.Length - _end < ReadChunkBytes)
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
        }

        var received = _socket.Read(_buffer.AsSpan(_end));
        _end += received;
        return received > 0;
    }
}
