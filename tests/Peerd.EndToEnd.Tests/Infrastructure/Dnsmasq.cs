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
    /// <remarks>
    /// dnsmasq also binds TCP on its port, and the free UDP port chosen here may be in use on TCP by another test's
    /// connection: dnsmasq then exits at once ("Address already in use"), and it is started again on another port.
    /// </remarks>
    public static async Task<Dnsmasq> StartAsync(IEnumerable<string> records)
    {
        const int attempts = 5;
        for (var attempt = 1; ; attempt++)
        {
            var server = Start(records);
            if (await AnswersAsync(server))
            {
                return server;
            }

            await server.DisposeAsync();
            if (attempt == attempts)
            {
                throw new InvalidOperationException($"dnsmasq exited at start {attempts} times (its port taken each time?)");
            }
        }
    }

    private static Dnsmasq Start(IEnumerable<string> records)
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
        return new Dnsmasq(ChildProcess.Start("dnsmasq", args), port);
    }

    // True once it answers a query; false if it exited first. Past the deadline the last error is thrown.
    private static async Task<bool> AnswersAsync(Dnsmasq server)
    {
        var deadline = DateTime.UtcNow + ChildProcess.Deadline;
        while (true)
        {
            using var client = new UdpClient();
            try
            {
                client.Connect(IPAddress.Loopback, server.Port);
                await client.SendAsync(Peerd.Lightning.Protocol.Gossip.DnsMessage.Query(1, "probe.invalid", 1));
                using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
                await client.ReceiveAsync(wait.Token);
                return true;
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                if (server._process.HasExited)
                {
                    return false;
                }

                if (DateTime.UtcNow >= deadline)
                {
                    throw;
                }

                await Task.Delay(20);
            }
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
