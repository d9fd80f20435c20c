using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Peerd.EndToEnd.Tests.Infrastructure;
using Peerd.TestKit;
using Xunit.Abstractions;

namespace Peerd.EndToEnd.Tests.Xrpl;

/// <summary>
/// The XRPL peer port under the load that used to abort the daemon ("Out of memory.", exit 134, the Lightning node
/// with it): a descriptor limit of 3,000 (<c>prlimit --nofile=3000</c>), 4,000 silent TCP connections and a few
/// hundred junk and partial TLS senders. The daemon sheds them, stays up, serves an independent XRPL peer (handshake
/// verified both ways, its ping answered) and both admin APIs, and its memory stays bounded.
/// </summary>
public sealed class XrplFloodTests(ITestOutputHelper output)
{
    private const int SilentSockets = 4_000;
    private const int JunkSenders = 200;
    private const int PartialTlsSenders = 200;

    /// <summary>The bound on the daemon's peak RSS growth over the attack; generous (not a timing), see RELIABILITY.md.</summary>
    private const long PeakGrowthBound = 192L * 1024 * 1024;

    [Fact]
    public async Task FourThousandSilentSocketsAndJunkTlsUnderADescriptorLimitAreShedWhileAnHonestPeerIsServed()
    {
        await using var daemon = await PeerdProcess.StartAsync(extraArguments: XrplDaemon.Arguments, launcher: ["prlimit", "--nofile=3000:3000"]);
        var (key, peerPort, adminPort) = await XrplDaemon.EndpointsAsync(daemon);
        var rssBefore = ProcessMetrics.RssBytes(daemon.Process.Id);

        var attack = new List<Socket>();
        try
        {
            var silent = await OpenAsync(attack, peerPort, SilentSockets, send: null);
            var junk = await OpenAsync(attack, peerPort, JunkSenders, send: Junk);
            var partial = await OpenAsync(attack, peerPort, PartialTlsSenders, send: PartialClientHello);
            var rssDuring = ProcessMetrics.RssBytes(daemon.Process.Id);
            Assert.False(daemon.Process.HasExited, $"the daemon died under the flood: {daemon.Process.StandardError}");

            // An honest peer gets in while the attackers hold what they could (a refused try is retried, as a peer
            // would: a full handshake table admits a newcomer once its oldest entry has had its chance).
            await using var peer = await HonestPeerAsync(daemon, peerPort);
            var pong = await peer.PongAsync();
            Assert.True(pong["matches"]!.GetValue<bool>(), pong.ToJsonString());

            using (var http = new HttpClient())
            {
                var reply = await http.PostAsync(new Uri($"http://127.0.0.1:{adminPort}/"), new StringContent("""{"method":"server_info"}"""));
                var info = JsonNode.Parse(await reply.Content.ReadAsStringAsync())!;
                Assert.Equal(key, info["result"]!["info"]!["pubkey_node"]!.GetValue<string>());
            }

            await using (var rpc = await daemon.RpcAsync())
            {
                Assert.Equal(daemon.NodeId, (await rpc.ResultAsync("getinfo"))["id"]!.GetValue<string>());
            }

            var peak = ProcessMetrics.PeakRssBytes(daemon.Process.Id);
            TestReport.Line(output, $"XRPL flood under nofile=3000 ({silent} silent, {junk} junk, {partial} partial TLS connected): RSS before {ProcessMetrics.Mib(rssBefore)}, during {ProcessMetrics.Mib(rssDuring)}, peak {ProcessMetrics.Mib(peak)}; {ProcessMetrics.OpenDescriptors(daemon.Process.Id)} descriptors open");
            Assert.True(peak - rssBefore < PeakGrowthBound, $"peak {ProcessMetrics.Mib(peak)} vs {ProcessMetrics.Mib(rssBefore)} before");
        }
        finally
        {
            attack.ForEach(s => s.Dispose());
        }

        Assert.False(daemon.Process.HasExited, $"the daemon died: {daemon.Process.StandardError}");
    }

    private static async Task<NodeXrplPeer> HonestPeerAsync(PeerdProcess daemon, int port)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var peer = NodeXrplPeer.Dial(port);
            if (await peer.HandshakeAsync() is not null)
            {
                return peer;
            }

            await peer.DisposeAsync();
            Assert.False(daemon.Process.HasExited, $"the daemon died: {daemon.Process.StandardError}");
            Assert.True(DateTime.UtcNow < deadline, "the honest peer never completed its handshake");
            await Task.Delay(250);
        }
    }

    /// <summary>
    /// Opens <paramref name="count"/> connections, 500 at a time; each connect waits at most 2 s (a daemon that stopped
    /// accepting leaves them in the kernel's backlog). Returns how many connected.
    /// </summary>
    private static async Task<int> OpenAsync(List<Socket> sockets, int port, int count, Func<Socket, Task>? send)
    {
        var connected = 0;
        for (var opened = 0; opened < count; opened += 500)
        {
            var batch = Enumerable.Range(0, Math.Min(500, count - opened)).Select(async _ =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                lock (sockets)
                {
                    sockets.Add(socket);
                }

                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    await socket.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
                    Interlocked.Increment(ref connected);
                    if (send is not null)
                    {
                        await send(socket);
                    }
                }
                catch (Exception e) when (e is SocketException or OperationCanceledException)
                {
                    // Refused, reset or left in the backlog: shed either way.
                }
            });
            await Task.WhenAll(batch);
        }

        return connected;
    }

    /// <summary>Bytes that are not TLS at all.</summary>
    private static async Task Junk(Socket socket)
    {
        var bytes = new byte[512];
        Random.Shared.NextBytes(bytes);
        await socket.SendAsync(bytes);
    }

    /// <summary>A TLS handshake record header announcing 512 bytes of ClientHello, then the first few of them, then nothing.</summary>
    private static async Task PartialClientHello(Socket socket) =>
        await socket.SendAsync(new byte[] { 0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03 });
}
