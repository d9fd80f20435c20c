using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Peerd.Load.Infrastructure;

/// <summary>One persistent connection to a daemon's <c>lightning-rpc</c> socket: write a request, read to "\n\n".</summary>
internal sealed class RpcSocket : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _buffered;
    private int _nextId;

    private RpcSocket(Socket socket) => _socket = socket;

    /// <summary>Connects to the socket at <paramref name="path"/>.</summary>
    public static async Task<RpcSocket> ConnectAsync(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path)).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new RpcSocket(socket);
    }

    /// <summary>Sends a request whose <c>params</c> are given as JSON text; returns the response text.</summary>
    public async Task<string> CallRawAsync(string method, string paramsJson, CancellationToken cancellationToken = default)
    {
        var id = ++_nextId;
        var request = Encoding.UTF8.GetBytes($"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"method\":\"{method}\",\"params\":{paramsJson}}}");
        var sent = 0;
        while (sent < request.Length)
        {
            sent += await _socket.SendAsync(request.AsMemory(sent), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        }

        while (true)
        {
            if (TryTakeResponse(out var text))
            {
                return text;
            }

            var read = await _socket.ReceiveAsync(_buffer.AsMemory(_buffered), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("the RPC socket closed");
            }

            _buffered += read;
        }
    }

    /// <summary>
    /// <see cref="CallRawAsync"/> with blocking calls, for a thread of its own: what <c>lightning-cli</c> does, and
    /// the measurement's own side adds one thread wake-up per response instead of an event loop's two.
    /// </summary>
    public string CallRaw(string method, string paramsJson)
    {
        var id = ++_nextId;
        _socket.Send(Encoding.UTF8.GetBytes($"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"method\":\"{method}\",\"params\":{paramsJson}}}"));
        while (true)
        {
            if (TryTakeResponse(out var text))
            {
                return text;
            }

            var read = _socket.Receive(_buffer.AsSpan(_buffered));
            _buffered += read > 0 ? read : throw new IOException("the RPC socket closed");
        }
    }

    /// <summary>Calls and returns <c>result</c>; throws with the error text on an error response.</summary>
    public async Task<JsonObject> CallAsync(string method, string paramsJson = "{}", CancellationToken cancellationToken = default)
    {
        var response = JsonNode.Parse(await CallRawAsync(method, paramsJson, cancellationToken).ConfigureAwait(false))!.AsObject();
        return response["result"] as JsonObject ?? throw new IOException($"{method} failed: {response.ToJsonString()}");
    }

    /// <summary>Takes one whole response ("\n\n"-terminated) from the buffer, if there is one.</summary>
    private bool TryTakeResponse(out string text)
    {
        var end = _buffer.AsSpan(0, _buffered).IndexOf("\n\n"u8);
        if (end < 0)
        {
            text = "";
            return _buffered == _buffer.Length ? throw new IOException("RPC response larger than 64 KiB") : false;
        }

        text = Encoding.UTF8.GetString(_buffer, 0, end);
        _buffered -= end + 2;
        Buffer.BlockCopy(_buffer, end + 2, _buffer, 0, _buffered);
        return true;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
