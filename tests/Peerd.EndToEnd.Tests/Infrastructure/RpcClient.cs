using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Peerd.EndToEnd.Tests.Infrastructure;

/// <summary>A plain JSON-RPC client of the <c>lightning-rpc</c> socket, as pyln-client talks to it: write, read to "\n\n".</summary>
public sealed class RpcClient : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly List<byte> _pending = [];
    private int _nextId;

    private RpcClient(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
    }

    /// <summary>Connects to the socket at <paramref name="path"/>.</summary>
    public static async Task<RpcClient> ConnectAsync(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(path)).ConfigureAwait(false);
        return new RpcClient(socket);
    }

    /// <summary>Calls <paramref name="method"/>; returns the whole response object (with <c>result</c> or <c>error</c>).</summary>
    public async Task<JsonObject> CallAsync(string method, JsonNode? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var request = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        await SendRawAsync(request.ToJsonString()).ConfigureAwait(false);
        return await ReadResponseAsync().ConfigureAwait(false);
    }

    /// <summary>Calls and returns <c>result</c>, failing the test on an error.</summary>
    public async Task<JsonObject> ResultAsync(string method, JsonNode? parameters = null)
    {
        var response = await CallAsync(method, parameters).ConfigureAwait(false);
        Assert.True(response["result"] is JsonObject, $"{method} failed: {response.ToJsonString()}");
        return response["result"]!.AsObject();
    }

    /// <summary>Writes raw bytes of text to the socket.</summary>
    public async Task SendRawAsync(string text)
    {
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(text)).ConfigureAwait(false);
    }

    /// <summary>Reads one response (up to and excluding "\n\n"), within the test deadline.</summary>
    public async Task<JsonObject> ReadResponseAsync() => JsonNode.Parse(await ReadRawResponseAsync().ConfigureAwait(false))!.AsObject();

    /// <summary>Reads one raw response text, including the terminating "\n\n".</summary>
    public async Task<string> ReadRawResponseAsync()
    {
        using var cts = new CancellationTokenSource(ChildProcess.Deadline);
        var buffer = new byte[4096];
        while (true)
        {
            for (var i = 0; i + 1 < _pending.Count; i++)
            {
                if (_pending[i] == '\n' && _pending[i + 1] == '\n')
                {
                    var text = Encoding.UTF8.GetString(_pending.GetRange(0, i + 2).ToArray());
                    _pending.RemoveRange(0, i + 2);
                    return text;
                }
            }

            var read = await _stream.ReadAsync(buffer, cts.Token).ConfigureAwait(false);
            if (read == 0)
            {
                throw new EndOfStreamException("RPC socket closed: " + Encoding.UTF8.GetString(_pending.ToArray()));
            }

            _pending.AddRange(buffer.AsSpan(0, read));
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _stream.DisposeAsync().ConfigureAwait(false);

    /// <summary>Waits until <c>listpeers</c> shows no peer (a disconnect is asynchronous on the far side).</summary>
    public Task WaitForNoPeersAsync() =>
        Eventually.TrueAsync(async () => (await ResultAsync("listpeers"))["peers"]!.AsArray().Count == 0, "the peer leaving listpeers");
}
