using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Peerd.EndToEnd.Tests.Infrastructure;

/// <summary>
/// What Core Lightning v25.12.1's <c>lightning-cli</c> (<c>cli/lightning-cli.c</c>) puts on the socket and how it
/// reads the answers, reproduced from its source's behaviour for a test that runs where the real binary is not
/// available: one connection per call; <c>notifications</c> first (unless <c>-N none</c>), its answer read into a
/// 100-byte buffer until it ends with <c>"\n\n"</c>; then the command, formatted with its spacing, its
/// <c>is_literal</c> rule (arguments of only digits and dots, <c>true</c>/<c>false</c>/<c>null</c>, and anything
/// in <c>{}</c>, <c>[]</c> or quotes go unquoted) and its id <c>cli:&lt;method&gt;#&lt;pid&gt;</c>; then objects read
/// until one has an <c>id</c> (notifications, without one, are skipped).
/// </summary>
public sealed class LightningCliExchange
{
    /// <summary>The enable request's answer buffer in lightning-cli: <c>char rbuf[100]</c>.</summary>
    public const int EnableBufferBytes = 100;

    private readonly string _socketPath;

    /// <summary>Talks to the socket at <paramref name="socketPath"/>, with <paramref name="pid"/> in the ids.</summary>
    public LightningCliExchange(string socketPath, int pid = 31337)
    {
        _socketPath = socketPath;
        Pid = pid;
    }

    /// <summary>The process id lightning-cli would put in its ids.</summary>
    public int Pid { get; }

    /// <summary>The outcome of one call.</summary>
    /// <param name="Request">The bytes written as the command.</param>
    /// <param name="EnableAnswer">What came back to <c>notifications</c>, or null with <c>-N none</c>.</param>
    /// <param name="Notifications">The notifications read before the answer.</param>
    /// <param name="Response">The answer object.</param>
    public sealed record Result(string Request, string? EnableAnswer, IReadOnlyList<JsonObject> Notifications, JsonObject Response);

    /// <summary>Formats the command as lightning-cli does (<c>-k</c> when <paramref name="keywords"/>).</summary>
    public string Format(string method, IReadOnlyList<string> arguments, bool keywords = false)
    {
        var text = new StringBuilder($"{{ \"jsonrpc\" : \"2.0\", \"method\" : \"{method}\", \"id\" : \"cli:{method}#{Pid}\", \"params\" :");
        text.Append(keywords ? "{ " : "[ ");
        for (var i = 0; i < arguments.Count; i++)
        {
            var value = arguments[i];
            if (keywords)
            {
                var eq = value.IndexOf('=', StringComparison.Ordinal);
                text.Append($"\"{value[..eq]}\" : ");
                value = value[(eq + 1)..];
            }

            text.Append(IsLiteral(value) ? value : "\"" + Escape(value) + "\"");
            if (i != arguments.Count - 1)
            {
                text.Append(", ");
            }
        }

        text.Append(keywords ? "} }" : "] }");
        return text.ToString();
    }

    /// <summary>One call on a fresh connection, as one run of lightning-cli.</summary>
    public async Task<Result> CallAsync(string method, IReadOnlyList<string> arguments, bool keywords = false, bool notifications = true)
    {
        using var cts = new CancellationTokenSource(ChildProcess.Deadline);
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(_socketPath), cts.Token);
        string? enableAnswer = null;
        if (notifications)
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(
                $"{{\"jsonrpc\":\"2.0\",\"method\":\"notifications\",\"id\":\"cli:notifications#{Pid}\",\"params\":{{\"enable\":true}}}}"), cts.Token);
            enableAnswer = await ReadEnableAnswerAsync(socket, cts.Token);
        }

        var request = Format(method, arguments, keywords);
        await socket.SendAsync(Encoding.UTF8.GetBytes(request), cts.Token);
        var seen = new List<JsonObject>();
        var pending = new List<byte>();
        var chunk = new byte[4096];
        while (true)
        {
            // Every message ends with "\n\n" (lightning-cli relies on it when it runs out of memory).
            var text = Encoding.UTF8.GetString(pending.ToArray());
            var end = text.IndexOf("\n\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                var message = JsonNode.Parse(text[..end])!.AsObject();
                pending.RemoveRange(0, Encoding.UTF8.GetByteCount(text[..(end + 2)]));
                if (message["id"] is null && message["method"] is not null && message["params"] is not null)
                {
                    seen.Add(message);
                    continue;
                }

                Assert.Empty(pending); // nothing follows the answer: lightning-cli would never read it
                return new Result(request, enableAnswer, seen, message);
            }

            var n = await socket.ReceiveAsync(chunk, SocketFlags.None, cts.Token);
            Assert.True(n > 0, $"reading response: socket closed (after {text})");
            pending.AddRange(chunk.AsSpan(0, n).ToArray());
        }
    }

    /// <summary>
    /// <c>enable_notifications</c>: reads into the rest of a 100-byte buffer until it ends with <c>"\n\n"</c>; a full
    /// buffer without it is lightning-cli's <c>Reading enable response</c> failure.
    /// </summary>
    private static async Task<string> ReadEnableAnswerAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[EnableBufferBytes];
        var length = 0;
        while (!Encoding.UTF8.GetString(buffer, 0, length).EndsWith("\n\n", StringComparison.Ordinal))
        {
            Assert.True(length < buffer.Length, "Reading enable response: the answer does not fit lightning-cli's 100-byte buffer");
            var n = await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, cancellationToken);
            Assert.True(n > 0, "Reading enable response: socket closed");
            length += n;
        }

        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    private static bool IsLiteral(string value) =>
        value.Length > 0 && (value.All(c => c is '.' or (>= '0' and <= '9'))
            || value is "true" or "false" or "null"
            || (value[0] == '{' && value[^1] == '}')
            || (value[0] == '[' && value[^1] == ']')
            || (value[0] == '"' && value[^1] == '"'));

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
