using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using Peerd.Xrpl.Protocol.Handshake;
using Peerd.Xrpl.Tls;

namespace Peerd.Xrpl.Tests.Tls;

public class TlsFinishedMessagesTests
{
    [Fact]
    public async Task TheStartUpSelfCheckPassesOnThisRuntime() => await TlsSelfCheck.EnsureAsync();

    [Theory]
    [InlineData(SslProtocols.Tls12, 12)]
    [InlineData(SslProtocols.Tls13, 48)]
    public async Task BothEndsReadCrossMatchingFinishedMessagesAndTheSameSharedValue(SslProtocols protocol, int length)
    {
        var tls = new XrplTls();
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var accepting = listener.AcceptAsync();
        await client.ConnectAsync(listener.LocalEndPoint!);
        using var accepted = await accepting;
        await using var clientStream = new SslStream(new NetworkStream(client));
        await using var serverStream = new SslStream(new NetworkStream(accepted));
        await Task.WhenAll(
            clientStream.AuthenticateAsClientAsync(tls.ClientOptions(protocol)),
            serverStream.AuthenticateAsServerAsync(tls.ServerOptions(protocol)));

        var (clientLocal, clientPeer) = TlsFinishedMessages.Get(clientStream);
        var (serverLocal, serverPeer) = TlsFinishedMessages.Get(serverStream);
        Assert.Equal(length, clientLocal.Length);
        Assert.Equal(clientLocal, serverPeer);
        Assert.Equal(clientPeer, serverLocal);
        Assert.NotEqual(clientLocal, clientPeer);

        var a = new byte[32];
        var b = new byte[32];
        Assert.Equal(SharedValueError.None, SharedValue.TryCompute(clientLocal, clientPeer, a));
        Assert.Equal(SharedValueError.None, SharedValue.TryCompute(serverLocal, serverPeer, b));
        Assert.Equal(a, b);
    }

    [Fact]
    public void AStreamThatHasNotShakenHandsIsMisuse()
    {
        using var stream = new SslStream(new MemoryStream());
        Assert.Throws<InvalidOperationException>(() => TlsFinishedMessages.Get(stream));
    }
}
