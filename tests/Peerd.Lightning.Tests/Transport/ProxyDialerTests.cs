using System.Net;
using System.Net.Sockets;
using Peerd.Lightning.Tests.Transport.Socks5;
using Peerd.Lightning.Transport;

namespace Peerd.Lightning.Tests.Transport;

public class ProxyDialerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly PeerEndpoint SomeProxy = PeerEndpoint.FromIp(IPAddress.Loopback, 9050);
    private static readonly string Onion = new string('a', 56) + ".onion";

    private static ProxyDialer Dialer(PeerEndpoint? proxy, bool always = false, bool noDns = false) =>
        new(new PeerDialer(new DialerOptions(noDns)), new ProxyOptions(proxy, always, noDns));

    public static TheoryData<string, bool, bool, bool, ProxyRoute> Routes => new()
    {
        // endpoint, proxy configured, always-use-proxy, disable-dns → route
        { "ip", false, false, false, ProxyRoute.Direct },
        { "ip", true, false, false, ProxyRoute.Direct },
        { "ip", true, true, false, ProxyRoute.Proxy },
        { "ip", false, true, false, ProxyRoute.NeedProxy },
        { "dns", false, false, false, ProxyRoute.Direct },
        { "dns", false, false, true, ProxyRoute.DnsDisabled },
        { "dns", true, false, true, ProxyRoute.DnsDisabled },
        { "dns", true, true, true, ProxyRoute.Proxy },
        { "dns", true, true, false, ProxyRoute.Proxy },
        { "onion", false, false, false, ProxyRoute.NeedProxy },
        { "onion", true, false, false, ProxyRoute.Proxy },
        { "socket", true, true, true, ProxyRoute.Direct },
        { "socket", false, true, false, ProxyRoute.Direct },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void RoutesFollowCoreLightningsRules(string kind, bool proxy, bool always, bool noDns, ProxyRoute expected)
    {
        var endpoint = kind switch
        {
            "ip" => PeerEndpoint.FromIp(IPAddress.Parse("203.0.113.1"), 9735),
            "dns" => PeerEndpoint.DnsName("peer.example", 9735),
            "onion" => PeerEndpoint.TorV3(Onion, 9735),
            _ => PeerEndpoint.LocalSocket("/run/peer.sock"),
        };
        Assert.Equal(expected, Dialer(proxy ? SomeProxy : null, always, noDns).Route(endpoint));
    }

    [Fact]
    public async Task AnOnionWithoutAProxyNeedsAProxy()
    {
        var e = await Assert.ThrowsAsync<DialRefusedException>(() => Dialer(null).DialAsync(PeerEndpoint.TorV3(Onion, 9735), Timeout, CancellationToken.None));
        Assert.Equal("need a proxy", e.Message);
    }

    [Fact]
    public async Task ANameWithDnsDisabledAndNoProxyIsRefused()
    {
        var e = await Assert.ThrowsAsync<DialRefusedException>(() => Dialer(SomeProxy, noDns: true).DialAsync(PeerEndpoint.DnsName("localhost", 1), Timeout, CancellationToken.None));
        Assert.Equal("dns disabled", e.Message);
    }

    [Fact]
    public async Task WithoutAlwaysUseProxyAnIPIsDialledDirectly()
    {
        using var target = new EchoTarget();
        // The proxy address is a closed port: had it been used, the dial would fail.
        var result = await Dialer(PeerEndpoint.FromIp(IPAddress.Loopback, Microsocks.FreeLoopbackPort())).DialAsync(PeerEndpoint.FromIp(IPAddress.Loopback, target.Port), Timeout, CancellationToken.None);
        await using var stream = result.Stream!;
        var socket = ((NetworkStream)stream).Socket;
        await ExpectHelloAsync(socket);
    }

    [Fact]
    public async Task APeerAddressedByNameIsReachedThroughARealProxyWithoutLocalDns()
    {
        using var target = new EchoTarget();
        await using var proxy = await Microsocks.StartAsync();
        // disable-dns too: the name can only have been resolved by the proxy.
        var result = await Dialer(PeerEndpoint.FromIp(IPAddress.Loopback, proxy.Port), always: true, noDns: true).DialAsync(PeerEndpoint.DnsName("localhost", target.Port), Timeout, CancellationToken.None);
        Assert.Null(result.Expanded);
        Assert.Null(result.Remote);
        await using var stream = result.Stream!;
        var socket = ((NetworkStream)stream).Socket;
        await ExpectHelloAsync(socket);
        await socket.SendAsync("ping"u8.ToArray(), SocketFlags.None);
        var echo = new byte[4];
        await socket.ReceiveAsync(echo, SocketFlags.None);
        Assert.Equal("ping"u8.ToArray(), echo);
    }

    [Fact]
    public async Task APeerAddressedByIPIsReachedThroughARealProxy()
    {
        using var target = new EchoTarget();
        await using var proxy = await Microsocks.StartAsync();
        var result = await Dialer(PeerEndpoint.FromIp(IPAddress.Loopback, proxy.Port), always: true).DialAsync(PeerEndpoint.FromIp(IPAddress.Loopback, target.Port), Timeout, CancellationToken.None);
        await using var stream = result.Stream!;
        var socket = ((NetworkStream)stream).Socket;
        await ExpectHelloAsync(socket);
    }

    [Fact]
    public async Task AnIPv6PeerIsReachedThroughARealProxy()
    {
        using var target = new EchoTarget();
        if (!target.HasIPv6)
        {
            // No IPv6 loopback on this host: nothing to reach.
            return;
        }

        await using var proxy = await Microsocks.StartAsync();
        var result = await Dialer(PeerEndpoint.FromIp(IPAddress.Loopback, proxy.Port), always: true).DialAsync(PeerEndpoint.FromIp(IPAddress.IPv6Loopback, target.Port), Timeout, CancellationToken.None);
        await using var stream = result.Stream!;
        var socket = ((NetworkStream)stream).Socket;
        await ExpectHelloAsync(socket);
    }

    [Theory]
    [InlineData("name", "Error connecting to localhost: Tor server reply: connection refused")]
    [InlineData("ip", "Error connecting to 127.0.0.1: Tor server reply: connection refused")]
    public async Task ARefusedTargetGivesTheProxysReplyInCoreLightningsWords(string kind, string reason)
    {
        await using var proxy = await Microsocks.StartAsync();
        int closed = Microsocks.FreeLoopbackPort();
        var endpoint = kind == "name" ? PeerEndpoint.DnsName("localhost", closed) : PeerEndpoint.FromIp(IPAddress.Loopback, closed);
        var e = await Assert.ThrowsAsync<ConnectFailedException>(() => Dialer(PeerEndpoint.FromIp(IPAddress.Loopback, proxy.Port), always: true).DialAsync(endpoint, Timeout, CancellationToken.None));
        Assert.Equal(ConnectStage.Establishment, e.Stage);
        Assert.Equal(reason, e.Reason);
        Assert.Equal($"{endpoint}: {ConnectStage.Establishment}: {reason}", new ConnectFailure(endpoint.ToString(), e.Stage, e.Reason).ToString());
    }

    [Fact]
    public async Task AnOnionGoesToTheProxyEvenWithoutAlwaysUseProxy()
    {
        // microsocks cannot resolve .onion names, so its answer proves the name was handed over unresolved.
        await using var proxy = await Microsocks.StartAsync();
        var e = await Assert.ThrowsAsync<ConnectFailedException>(() => Dialer(PeerEndpoint.FromIp(IPAddress.Loopback, proxy.Port)).DialAsync(PeerEndpoint.TorV3(Onion, 9735), Timeout, CancellationToken.None));
        Assert.Equal($"Error connecting to {Onion}: Tor server reply: general SOCKS server failure", e.Reason);
    }

    [Fact]
    public async Task AProxyThatIsNotRunningIsAConnectionRefused()
    {
        var e = await Assert.ThrowsAsync<ConnectFailedException>(() =>
            Dialer(PeerEndpoint.FromIp(IPAddress.Loopback, Microsocks.FreeLoopbackPort()), always: true).DialAsync(PeerEndpoint.DnsName("localhost", 1), Timeout, CancellationToken.None));
        Assert.Equal(ConnectStage.Establishment, e.Stage);
        Assert.Equal("Connection refused", e.Reason);
    }

    [Fact]
    public async Task AProxyThatNeverAnswersTimesOut()
    {
        // A listener that accepts (the kernel completes the handshake) but never speaks SOCKS.
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        silent.Listen(1);
        var proxy = PeerEndpoint.FromEndPoint(silent.LocalEndPoint!);
        var e = await Assert.ThrowsAsync<ConnectFailedException>(() => Dialer(proxy, always: true).DialAsync(PeerEndpoint.DnsName("localhost", 1), TimeSpan.FromMilliseconds(200), CancellationToken.None));
        Assert.Equal("Connection timed out", e.Reason);
    }

    [Fact]
    public async Task CancellationByTheCallerIsNotATimeout()
    {
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        silent.Listen(1);
        using var cancel = new CancellationTokenSource();
        var dial = Dialer(PeerEndpoint.FromEndPoint(silent.LocalEndPoint!), always: true).DialAsync(PeerEndpoint.DnsName("localhost", 1), Timeout, cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dial);
    }

    [Fact]
    public void AnOnionCannotBeTheProxy() =>
        Assert.Throws<ArgumentException>(() => new ProxyDialer(new PeerDialer(new DialerOptions()), new ProxyOptions(PeerEndpoint.TorV3(Onion, 9050))));

    private static async Task ExpectHelloAsync(Socket socket)
    {
        var hello = new byte[5];
        int read = 0;
        while (read < hello.Length)
        {
            int n = await socket.ReceiveAsync(hello.AsMemory(read), SocketFlags.None);
            Assert.NotEqual(0, n);
            read += n;
        }

        Assert.Equal("hello"u8.ToArray(), hello);
    }
}
