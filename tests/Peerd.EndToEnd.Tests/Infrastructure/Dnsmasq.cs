using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Peerd.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A real DNS server (Debian's dnsmasq) answering only for its own records on 127.0.0.1 (an ephemeral UDP port, no
/// upstream, no /etc/hosts), stopped on dispose.
/// </summary>
public sealed class Dnsmasq : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private Dnsmasq(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>Its UDP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Starts dnsmasq with <paramref name="records"/> (dnsmasq options such as <c>--host-record=…</c>) and waits until it answers.</summary>
    public static async Task<Dnsmasq> StartAsync(IEnumerable<string> records)
    {
        int port;
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        string[] args =
        [
            "--keep-in-foreground", "--no-resolv", "--no-hosts", "--conf-file=/dev/null", "--pid-file=",
            "--listen-address=127.0.0.1", "--bind-interfaces", "--port=" + port.ToString(CultureInfo.InvariantCulture),
            "--user=" + Environment.UserName, "--log-queries", "--log-facility=-", .. records,
        ];
        var server = new Dnsmasq(ChildProcess.Start("dnsmasq", args), port);
        var deadline = DateTime.UtcNow + ChildProcess.Deadline;
        while (true)
        {
            using var client = new UdpClient();
            try
            {
                client.Connect(IPAddress.Loopback, port);
                await client.SendAsync(Peerd.Lightning.Protocol.Gossip.DnsMessage.Query(1, "probe.invalid", 1));
                using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
                await client.ReceiveAsync(wait.Token);
                return server;
            }
            catch (Exception e) when ((e is SocketException or OperationCanceledException) && DateTime.UtcNow < deadline && !server._process.HasExited)
            {
                await Task.Delay(20);
            }
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
