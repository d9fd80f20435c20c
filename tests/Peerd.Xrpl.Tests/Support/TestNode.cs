using Peerd.TestKit;
using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Peerd.Xrpl.Hosting;
using Peerd.Xrpl.Protocol.Identity;

namespace Peerd.Xrpl.Tests.Support;

/// <summary>A real XRPL node on loopback ports chosen by the OS, with its own data directory and log.</summary>
public sealed class TestNode : IAsyncDisposable
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(1) }) { Timeout = TimeSpan.FromSeconds(60) };

    private TestNode(XrplNode node, string dataDir, CapturedLog log)
    {
        Node = node;
        DataDir = dataDir;
        Log = log;
    }

    public XrplNode Node { get; }

    public string DataDir { get; }

    public CapturedLog Log { get; }

    public IPEndPoint PeerEndpoint => Node.PeerEndpoint!;

    public Uri AdminUri => new($"http://127.0.0.1:{Node.AdminEndpoint.Port}/");

    public Uri WebSocketUri => new($"ws://127.0.0.1:{Node.AdminEndpoint.Port}/");

    public static async Task<TestNode> StartAsync(Func<XrplOptions, XrplOptions>? configure = null, TimeProvider? time = null, string? seed = null, Peerd.Peering.Admission.AdmissionLimits? admission = null, Peerd.Peering.Admission.DescriptorBudget? budget = null)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "peerd-xrpl-test-" + Guid.NewGuid().ToString("N"));
        var options = XrplOptions.EnabledDefaults() with
        {
            PeerEndpoint = new IPEndPoint(IPAddress.Loopback, 0),
            AdminEndpoint = new IPEndPoint(IPAddress.Loopback, 0),
            NodeSeed = seed is null ? null : Seed(seed),
        };
        options = configure?.Invoke(options) ?? options;
        var log = new CapturedLog();
        try
        {
            var node = await XrplNode.StartAsync(options, dataDir, log.Factory, time ?? TimeProvider.System, CancellationToken.None, admission, budget);
            return new TestNode(node, dataDir, log);
        }
        catch
        {
            Directory.Delete(dataDir, recursive: true);
            throw;
        }
    }

    public static FamilySeed Seed(string passphrase) => FamilySeed.FromPassphrase(passphrase);

    /// <summary>POSTs a raw body; returns the status and the body text.</summary>
    public async Task<(int Status, string Body)> PostAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await Http.PostAsync(AdminUri, content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A JSON-RPC call; returns the parsed reply.</summary>
    public async Task<JsonObject> RpcAsync(string method, JsonObject? parameters = null)
    {
        var request = new JsonObject { ["method"] = method, ["params"] = new JsonArray(parameters ?? new JsonObject()) };
        var (status, body) = await PostAsync(request.ToJsonString());
        Assert.True(status == 200, $"HTTP {status}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Opens a WebSocket to the admin port.</summary>
    public async Task<AdminSocket> OpenWebSocketAsync()
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(WebSocketUri, CancellationToken.None);
        return new AdminSocket(socket);
    }

    public async ValueTask DisposeAsync()
    {
        await Node.DisposeAsync();
        Log.AssertNoErrors();
        Log.Factory.Dispose();
        if (Directory.Exists(DataDir))
        {
            Directory.Delete(DataDir, recursive: true);
        }
    }
}

/// <summary>A WebSocket client of the admin API.</summary>
public sealed class AdminSocket(ClientWebSocket socket) : IDisposable
{
    public async Task<string> SendAsync(string text)
    {
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
        return await ReceiveAsync();
    }

    public async Task<JsonObject> RequestAsync(JsonObject request) => JsonNode.Parse(await SendAsync(request.ToJsonString()))!.AsObject();

    public async Task<string> ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }

    public void Dispose() => socket.Dispose();
}
