using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Peerd.TestKit;

/// <summary>
/// A small bitcoind JSON-RPC server over real HTTP/1.1 on loopback, answering <c>getblockhash</c>, <c>getblock</c>
/// (verbosity 1) and <c>gettxout</c> from the blocks and outputs a test gives it, with basic authentication and
/// bitcoind's error shapes (HTTP 500 and <c>{"error":{"code":-8,...}}</c>). A real bitcoind cannot run on this machine
/// (no binary, no chain), so the client and the daemon are tested against this stand-in; it speaks bitcoind's wire format.
/// </summary>
public sealed class TestBitcoind : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly ConcurrentDictionary<uint, string[]> _blocks = new();
    private readonly ConcurrentDictionary<(string Txid, int Vout), (string ScriptHex, string Value)> _unspent = new();
    private readonly ConcurrentBag<Task> _connections = [];

    /// <summary>Starts listening on a free loopback port, accepting <paramref name="user"/> and <paramref name="password"/>.</summary>
    public TestBitcoind(string user = "user", string password = "secret")
    {
        Credentials = $"{user}:{password}";
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The port it listens on.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The <c>user:password</c> accepted (a cookie file holds the same form).</summary>
    public string Credentials { get; set; }

    /// <summary>While true, requests are read and never answered (a hung bitcoind).</summary>
    public bool Hang { get; set; }

    /// <summary>Spaces appended to every answer (an answer over the client's bound).</summary>
    public int Padding { get; set; }

    /// <summary>Calls received per method.</summary>
    public ConcurrentDictionary<string, int> Calls { get; } = new();

    /// <summary>The hash the server gives block <paramref name="height"/>.</summary>
    public static string HashOf(uint height) => height.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Adds block <paramref name="height"/> with these txids (the chain's tip is the highest block added).</summary>
    public void AddBlock(uint height, params string[] txids) => _blocks[height] = txids;

    /// <summary>Makes output <paramref name="vout"/> of <paramref name="txid"/> unspent with this script and BTC value text.</summary>
    public void AddUnspent(string txid, int vout, byte[] script, string btc) => _unspent[(txid, vout)] = (Primitives.Hex.Encode(script), btc);

    /// <summary>Stops listening and ends every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        await Task.WhenAll(_connections).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _connections.Add(ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                while (await ReadRequestAsync(stream) is { } request)
                {
                    if (Hang)
                    {
                        await Task.Delay(Timeout.Infinite, _stop.Token);
                    }

                    var (status, body) = Answer(request.Authorization, request.Body);
                    var bytes = Encoding.UTF8.GetBytes(Padding > 0 ? body + new string(' ', Padding) : body);
                    var head = $"HTTP/1.1 {status} {(status == 200 ? "OK" : "Error")}\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
                    await stream.WriteAsync(bytes, _stop.Token);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The client went away or the server stops.
            }
        }
    }

    private async Task<(string? Authorization, byte[] Body)?> ReadRequestAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 8192)
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                return null;
            }

            head.Add(one[0]);
            if (head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n')
            {
                break;
            }
        }

        string? authorization = null;
        int length = 0;
        foreach (var line in Encoding.ASCII.GetString([.. head]).Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                authorization = value;
            }
            else if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var body = new byte[length];
        await stream.ReadExactlyAsync(body, _stop.Token);
        return (authorization, body);
    }

    private (int Status, string Body) Answer(string? authorization, byte[] body)
    {
        if (authorization != "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Credentials)))
        {
            return (401, string.Empty); // bitcoind answers a bad password with an empty 401
        }

        using var request = JsonDocument.Parse(body);
        var id = request.RootElement.GetProperty("id").GetRawText();
        var method = request.RootElement.GetProperty("method").GetString()!;
        var parameters = request.RootElement.GetProperty("params");
        Calls.AddOrUpdate(method, 1, (_, n) => n + 1);
        switch (method)
        {
            case "getblockhash":
                var height = parameters[0].GetUInt32();
                return _blocks.ContainsKey(height)
                    ? Result(id, JsonSerializer.Serialize(HashOf(height)))
                    : Error(id, -8, "Block height out of range");
            case "getblock":
                var hash = parameters[0].GetString();
                foreach (var (h, txids) in _blocks)
                {
                    if (HashOf(h) == hash)
                    {
                        return Result(id, $"{{\"hash\":\"{hash}\",\"height\":{h},\"tx\":{JsonSerializer.Serialize(txids)}}}");
                    }
                }

                return Error(id, -5, "Block not found");
            case "gettxout":
                var key = (parameters[0].GetString()!, parameters[1].GetInt32());
                return _unspent.TryGetValue(key, out var output)
                    ? Result(id, $"{{\"bestblock\":\"{HashOf(0)}\",\"confirmations\":6,\"value\":{output.Value},\"scriptPubKey\":{{\"hex\":\"{output.ScriptHex}\",\"type\":\"witness_v0_scripthash\"}},\"coinbase\":false}}")
                    : Result(id, "null");
            default:
                return (404, $"{{\"result\":null,\"error\":{{\"code\":-32601,\"message\":\"Method not found\"}},\"id\":{id}}}");
        }
    }

    private static (int, string) Result(string id, string result) => (200, $"{{\"result\":{result},\"error\":null,\"id\":{id}}}");

    private static (int, string) Error(string id, int code, string message) =>
        (500, $"{{\"result\":null,\"error\":{{\"code\":{code},\"message\":\"{message}\"}},\"id\":{id}}}");
}
