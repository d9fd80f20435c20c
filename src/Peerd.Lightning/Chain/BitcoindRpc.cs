using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Peerd.Lightning.Chain;

/// <summary>
/// A bitcoind JSON-RPC client: one HTTP/1.1 POST per call with basic authentication (user and password, or the cookie
/// file), a deadline per call (<see cref="CallTimeout"/>, connecting included) and a bound on the answer's size
/// (<see cref="MaxResponseBytes"/>). Thread-safe; calls run concurrently over pooled connections.
/// </summary>
public sealed class BitcoindRpc : IDisposable
{
    /// <summary>The largest answer read (a <c>getblock</c> at verbosity 1 of a full block is well under 2 MB).</summary>
    public const int MaxResponseBytes = 16 << 20;

    /// <summary>The largest cookie file read.</summary>
    private const int MaxCookieBytes = 1024;

    private readonly BitcoindOptions _options;
    private readonly HttpClient _http;
    private readonly Uri _uri;
    private long _id;

    /// <summary>Creates a client for <paramref name="options"/> (<paramref name="callTimeout"/>: default 15 s).</summary>
    public BitcoindRpc(BitcoindOptions options, TimeSpan? callTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        CallTimeout = callTimeout ?? TimeSpan.FromSeconds(15);
        var host = options.Host.Contains(':', StringComparison.Ordinal) && !options.Host.StartsWith('[') ? $"[{options.Host}]" : options.Host;
        _uri = new Uri($"http://{host}:{options.Port}/");
        _http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = CallTimeout, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30), UseProxy = false })
        {
            Timeout = CallTimeout,
            MaxResponseContentBufferSize = MaxResponseBytes,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    /// <summary>Each call's deadline.</summary>
    public TimeSpan CallTimeout { get; }

    /// <summary>Where calls go, for logs.</summary>
    public string Endpoint => $"{_options.Host}:{_options.Port}";

    /// <summary>
    /// Calls <paramref name="method"/> with the parameters <paramref name="writeParams"/> writes into the params array,
    /// and returns its <c>result</c> (a detached copy).
    /// </summary>
    /// <exception cref="BitcoindException">No answer in time, an unusable answer, or bitcoind's error (its code in <see cref="BitcoindException.RpcCode"/>).</exception>
    public async Task<JsonElement> CallAsync(string method, Action<Utf8JsonWriter> writeParams, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writeParams);
        using var request = new HttpRequestMessage(HttpMethod.Post, _uri)
        {
            Content = new ByteArrayContent(Body(method, writeParams, Interlocked.Increment(ref _id))),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Credentials())));
        byte[] body;
        HttpStatusCode status;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BitcoindException($"bitcoind at {Endpoint} did not answer {method} within {CallTimeout.TotalSeconds:0.#} s", e);
        }
        catch (HttpRequestException e)
        {
            throw new BitcoindException($"bitcoind at {Endpoint}: {method} failed: {e.Message}", e);
        }

        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new BitcoindException($"bitcoind at {Endpoint} refused the credentials (HTTP {(int)status}): check bitcoin-rpcuser/bitcoin-rpcpassword or bitcoin-datadir");
        }

        return Result(method, status, body);
    }

    /// <summary>Closes the pooled connections.</summary>
    public void Dispose() => _http.Dispose();

    private static byte[] Body(string method, Action<Utf8JsonWriter> writeParams, long id)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "1.0");
            writer.WriteNumber("id", id);
            writer.WriteString("method", method);
            writer.WriteStartArray("params");
            writeParams(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static JsonElement Result(string method, HttpStatusCode status, byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            throw new BitcoindException($"bitcoind answered {method} with HTTP {(int)status} and no JSON-RPC reply");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new BitcoindException($"bitcoind answered {method} with a JSON-RPC reply that is not an object");
            }

            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                var code = error.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : 0;
                var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                throw new BitcoindException($"bitcoind: {method}: {message} (code {code})", code);
            }

            if (!root.TryGetProperty("result", out var result))
            {
                throw new BitcoindException($"bitcoind answered {method} without a result (HTTP {(int)status})");
            }

            return result.Clone();
        }
    }

    private string Credentials()
    {
        if (_options.User is not null || _options.Password is not null)
        {
            return $"{_options.User}:{_options.Password}";
        }

        if (_options.CookieFile is not { } path)
        {
            return ":";
        }

        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var bytes = new byte[MaxCookieBytes];
            var read = file.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            return Encoding.UTF8.GetString(bytes, 0, read).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BitcoindException($"bitcoind's cookie file {path} cannot be read ({e.Message}): is bitcoind running with that datadir?", e);
        }
    }
}
