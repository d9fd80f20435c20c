using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Authentication;
using Peerd.Xrpl.Protocol.Handshake;

namespace Peerd.Xrpl.Tls;

/// <summary>
/// Start-up proof that <see cref="TlsFinishedMessages"/> works on this runtime: a TLS 1.2 and a TLS 1.3 handshake
/// between two in-process streams over loopback, whose Finished messages must cross-match and give both ends the
/// same shared value. Fails loudly (<see cref="NotSupportedException"/>) rather than letting every peer fail later.
/// </summary>
public static class TlsSelfCheck
{
    private static readonly Lazy<Task> Once = new(RunAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Runs the check once per process; later calls return the same result.</summary>
    public static Task EnsureAsync() => Once.Value;

    private static async Task RunAsync()
    {
        try
        {
            var tls = new XrplTls();
            foreach (var protocol in new[] { SslProtocols.Tls12, SslProtocols.Tls13 })
            {
                await CheckAsync(tls, protocol).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not NotSupportedException)
        {
            throw new NotSupportedException(
                $"XRPL TLS self-check failed: cannot read both TLS Finished messages from SslStream on {RuntimeInformation.FrameworkDescription} " +
                $"({e.GetType().Name}: {e.Message}). The XRPL peer handshake cannot work on this runtime.", e);
        }
    }

    private static async Task CheckAsync(XrplTls tls, SslProtocols protocol)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var accepting = listener.AcceptAsync(timeout.Token).AsTask();
        await client.ConnectAsync(listener.LocalEndPoint!, timeout.Token).ConfigureAwait(false);
        using var accepted = await accepting.ConfigureAwait(false);
        await using var clientStream = new SslStream(new NetworkStream(client, ownsSocket: false));
        await using var serverStream = new SslStream(new NetworkStream(accepted, ownsSocket: false));
        await Task.WhenAll(
            clientStream.AuthenticateAsClientAsync(tls.ClientOptions(protocol), timeout.Token),
            serverStream.AuthenticateAsServerAsync(tls.ServerOptions(protocol), timeout.Token)).ConfigureAwait(false);
        if (clientStream.SslProtocol != protocol)
        {
            throw new InvalidOperationException($"negotiated {clientStream.SslProtocol} instead of {protocol}");
        }

        var (clientLocal, clientPeer) = TlsFinishedMessages.Get(clientStream);
        var (serverLocal, serverPeer) = TlsFinishedMessages.Get(serverStream);
        if (!clientLocal.AsSpan().SequenceEqual(serverPeer) || !clientPeer.AsSpan().SequenceEqual(serverLocal))
        {
            throw new InvalidOperationException($"{protocol}: the two ends' Finished messages do not cross-match");
        }

        Span<byte> a = stackalloc byte[SharedValue.Length];
        Span<byte> b = stackalloc byte[SharedValue.Length];
        if (SharedValue.TryCompute(clientLocal, clientPeer, a) != SharedValueError.None
            || SharedValue.TryCompute(serverLocal, serverPeer, b) != SharedValueError.None
            || !a.SequenceEqual(b))
        {
            throw new InvalidOperationException($"{protocol}: the two ends compute different shared values");
        }
    }
}
