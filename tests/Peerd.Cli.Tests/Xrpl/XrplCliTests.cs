using System.Net;
using System.Net.Sockets;
using System.Text;
using Peerd.Cli.Tests.Support;

using Peerd.TestKit;

namespace Peerd.Cli.Tests.Xrpl;

/// <summary><c>peerd-cli xrpl</c> against a tiny HTTP listener on 127.0.0.1.</summary>
public sealed class XrplCliTests : IDisposable
{
    private readonly TempDirectory _home = new();

    [Fact]
    public async Task PostsRippledsRequestAndPrintsTheReplyStyled()
    {
        using var server = new OneShotHttpServer("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nContent-Length: 54\r\n\r\n{\"result\":{\"status\":\"success\",\"message\":\"connecting\"}}");

        var (exit, stdout, stderr) = Run("xrpl", "--xrpl-admin-addr", server.Address, "connect", "127.0.0.1:51235");
        var request = await server.Request;

        Assert.Equal((0, ""), (exit, stderr));
        Assert.Equal("{\n   \"result\" : {\n      \"message\" : \"connecting\",\n      \"status\" : \"success\"\n   }\n}\n", stdout);
        var body = "{\"id\":1,\"method\":\"connect\",\"params\":[{\"api_version\":1,\"ip\":\"127.0.0.1\",\"port\":51235}]}\n";
        Assert.Equal(
            "POST / HTTP/1.0\r\n" +
            "User-Agent: peerd-json-rpc/v1\r\n" +
            "Host: 127.0.0.1\r\n" +
            "Content-Type: application/json\r\n" +
            $"Content-Length: {body.Length}\r\n" +
            "Accept: application/json\r\n" +
            "Authorization: Basic Og==\r\n" +
            "\r\n" +
            body,
            request);
    }

    [Fact]
    public async Task SendsTwoArgumentConnectWithANumericPortAndAdminCredentials()
    {
        using var server = new OneShotHttpServer("HTTP/1.0 200 OK\r\n\r\n{\"result\":{\"status\":\"success\"}}");

        Run("xrpl", $"--xrpl-admin-addr={server.Address}", "--xrpl-admin-user", "u", "--xrpl-admin-password=p", "connect", "10.0.0.1", "2459");
        var request = await server.Request;

        Assert.Contains("Authorization: Basic dTpw\r\n", request);
        Assert.EndsWith("{\"id\":1,\"method\":\"connect\",\"params\":[{\"admin_password\":\"p\",\"admin_user\":\"u\",\"api_version\":1,\"ip\":\"10.0.0.1\",\"port\":2459}]}\n", request);
    }

    [Fact]
    public async Task ExitsOneForAnErrorInsideTheResult()
    {
        using var server = new OneShotHttpServer(
            "HTTP/1.0 200 OK\r\n\r\n{\"result\":{\"error\":\"invalidParams\",\"error_code\":31,\"error_message\":\"Missing field 'ip'.\",\"request\":{\"command\":\"connect\"},\"status\":\"error\"}}");

        var (exit, stdout, _) = Run("xrpl", "--xrpl-admin-addr", server.Address, "connect", "x");
        await server.Request;

        Assert.Equal(1, exit);
        Assert.Equal(
            "{\n" +
            "   \"result\" : {\n" +
            "      \"error\" : \"invalidParams\",\n" +
            "      \"error_code\" : 31,\n" +
            "      \"error_message\" : \"Missing field 'ip'.\",\n" +
            "      \"request\" : {\n" +
            "         \"command\" : \"connect\"\n" +
            "      },\n" +
            "      \"status\" : \"error\"\n" +
            "   }\n" +
            "}\n",
            stdout);
    }

    [Fact]
    public async Task PrintsAForbiddenReplyAsRippledsInternalErrorAndExitsOne()
    {
        using var server = new OneShotHttpServer("HTTP/1.0 403 Forbidden\r\nContent-Length: 11\r\n\r\nForbidden\r\n");

        var (exit, stdout, _) = Run("xrpl", "--xrpl-admin-addr", server.Address, "peers");
        await server.Request;

        Assert.Equal(1, exit);
        Assert.Equal(
            "{\n   \"error\" : \"internal\",\n   \"error_code\" : 73,\n   \"error_message\" : \"Internal error.\",\n   \"error_what\" : \"couldn't parse reply from server\"\n}\n",
            stdout);
    }

    [Fact]
    public async Task PrintsAnUnparsableRequestReplyAsInvalidParams()
    {
        using var server = new OneShotHttpServer("HTTP/1.0 400 Bad Request\r\n\r\nUnable to parse request: bad\r\n");

        var (exit, stdout, _) = Run("xrpl", "--xrpl-admin-addr", server.Address, "ping");
        await server.Request;

        Assert.Equal(1, exit);
        Assert.Contains("\"error\" : \"invalidParams\"", stdout);
        Assert.Contains("\"error_what\" : \"Unable to parse request: bad\\r\\n\"", stdout);
    }

    [Fact]
    public async Task AddsTheInvocationToATopLevelError()
    {
        using var server = new OneShotHttpServer("HTTP/1.0 200 OK\r\n\r\n{\"error\":\"unknownCmd\",\"error_code\":32}");

        var (exit, stdout, _) = Run("xrpl", "--xrpl-admin-addr", server.Address, "nosuch", "a");
        await server.Request;

        Assert.Equal(1, exit);
        Assert.Equal(
            "{\n" +
            "   \"error\" : \"unknownCmd\",\n" +
            "   \"error_code\" : 32,\n" +
            "   \"request_sent\" : {\n" +
            "      \"api_version\" : 1,\n" +
            "      \"params\" : [ \"a\" ]\n" +
            "   },\n" +
            "   \"rpc\" : {\n" +
            "      \"method\" : \"nosuch\",\n" +
            "      \"params\" : [ \"a\" ]\n" +
            "   },\n" +
            "   \"status\" : \"error\"\n" +
            "}\n",
            stdout);
    }

    [Fact]
    public void PrintsBadSyntaxForAWrongArgumentCountAndExitsThree()
    {
        var (exit, stdout, _) = Run("xrpl", "connect", "a", "1", "2");

        Assert.Equal(3, exit);
        Assert.Equal(
            "{\n" +
            "   \"error\" : \"badSyntax\",\n" +
            "   \"error_code\" : 1,\n" +
            "   \"error_message\" : \"Syntax error.\",\n" +
            "   \"rpc\" : {\n" +
            "      \"method\" : \"connect\",\n" +
            "      \"params\" : [ \"a\", \"1\", \"2\" ]\n" +
            "   },\n" +
            "   \"status\" : \"error\"\n" +
            "}\n",
            stdout);
    }

    [Fact]
    public void ExitsTwoWhenNothingListens()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (exit, stdout, stderr) = Run("xrpl", "--xrpl-admin-addr", $"127.0.0.1:{port}", "ping");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Equal($"peerd-cli: Connecting to 127.0.0.1:{port}: Connection refused\n", stderr);
    }

    [Theory]
    [InlineData("xrpl")]
    [InlineData("xrpl --xrpl-admin-addr")]
    [InlineData("xrpl --bogus ping")]
    [InlineData("xrpl --xrpl-admin-addr=host:port ping")]
    public void ExitsThreeForAWrongCommandLine(string commandLine)
    {
        Assert.Equal(3, Run(commandLine.Split(' ')).Exit);
    }

    public void Dispose() => _home.Dispose();

    private (int Exit, string Stdout, string Stderr) Run(params string[] args) => CliRun.Run(_home.Path, args);

    /// <summary>Accepts one connection, reads one request (headers and Content-Length body), writes a canned reply, closes.</summary>
    private sealed class OneShotHttpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

        public OneShotHttpServer(string reply)
        {
            _listener.Start();
            Address = $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
            Request = Task.Run(async () =>
            {
                using var client = await _listener.AcceptSocketAsync();
                var received = new List<byte>();
                var buffer = new byte[4096];
                while (!IsComplete(received))
                {
                    var n = await client.ReceiveAsync(buffer, SocketFlags.None);
                    if (n == 0)
                    {
                        break;
                    }

                    received.AddRange(buffer.AsSpan(0, n).ToArray());
                }

                await client.SendAsync(Encoding.UTF8.GetBytes(reply), SocketFlags.None);
                client.Shutdown(SocketShutdown.Both);
                return Encoding.UTF8.GetString(received.ToArray());
            });
        }

        public string Address { get; }

        public Task<string> Request { get; }

        public void Dispose() => _listener.Stop();

        private static bool IsComplete(List<byte> received)
        {
            var text = Encoding.UTF8.GetString(received.ToArray());
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0)
            {
                return false;
            }

            var lengthLine = text[..end].Split("\r\n").First(l => l.StartsWith("Content-Length:", StringComparison.Ordinal));
            return Encoding.UTF8.GetByteCount(text[(end + 4)..]) >= int.Parse(lengthLine["Content-Length:".Length..].Trim());
        }
    }
}
