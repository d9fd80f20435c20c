using System.Net;
using System.Net.Sockets;
using Peerd.Lightning.Transport;
using Peerd.Lightning.Transport.Socks5;

namespace Peerd.Lightning.Tests.Transport.Socks5;

public class Socks5ClientTests
{
    private static async Task<Socket> ConnectAsync(PeerEndpoint proxy) =>
        await SocketDialer.ConnectAsync(proxy, TimeSpan.FromSeconds(10), CancellationToken.None);

    [Fact]
    public async Task AfterTheExchangeTheSocketCarriesTheTargetsBytes()
    {
        using var target = new EchoTarget();
        await using var proxy = await Microsocks.StartAsync();
        using var socket = await ConnectAsync(PeerEndpoint.FromIp(IPAddress.Loopback, proxy.Port));
        var reply = await Socks5Client.ConnectAsync(socket, Socks5Target.ForName("localhost", target.Port), CancellationToken.None);
        Assert.True(reply.Succeeded);
        var hello = new byte[5];
        await socket.ReceiveAsync(hello, SocketFlags.None);
        Assert.Equal("hello"u8.ToArray(), hello);
    }

    [Fact]
    public async Task AProxyThatWantsAPasswordIsReportedAsCoreLightningWordsIt()
    {
        await using var proxy = await Microsocks.StartAsync("-u", "user", "-P", "secret");
        using var socket = await ConnectAsync(PeerEndpoint.FromIp(IPAddress.Loopback, proxy.Port));
        var e = await Assert.ThrowsAsync<ConnectFailedException>(() => Socks5Client.ConnectAsync(socket, Socks5Target.ForName("localhost", 1), CancellationToken.None));
        Assert.Equal(ConnectStage.Establishment, e.Stage);
        Assert.Equal("Connected out for localhost error: authentication required", e.Reason);
    }

    [Fact]
    public async Task ANameTooLongFailsBeforeAnythingIsSent()
    {
        using var target = new EchoTarget();
        using var socket = await ConnectAsync(PeerEndpoint.FromIp(IPAddress.Loopback, target.Port));
        var e = await Assert.ThrowsAsync<ConnectFailedException>(() => Socks5Client.ConnectAsync(socket, Socks5Target.ForName(new string('a', 300), 1), CancellationToken.None));
        Assert.Equal($"Connected out for {new string('a', 300)} error: hostname too long for socks5 request", e.Reason);
    }

    [Fact]
    public async Task SomethingThatIsNotAProxyIsAnUnexpectedAnswer()
    {
        // The echo target greets with "hello": 'e' (0x65) is where the chosen method should be.
        using var target = new EchoTarget();
        using var socket = await ConnectAsync(PeerEndpoint.FromIp(IPAddress.Loopback, target.Port));
        var e = await Assert.ThrowsAsync<ConnectFailedException>(() => Socks5Client.ConnectAsync(socket, Socks5Target.ForName("localhost", 1), CancellationToken.None));
        Assert.Equal("Connected out for localhost error: unexpected connect answer 65 from the tor socks5 proxy", e.Reason);
    }
}
