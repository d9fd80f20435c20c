using System.Net.Sockets;

namespace Peerd.Lightning.Transport;

/// <summary>Opens outbound sockets under a deadline; failures come back as <see cref="ConnectFailedException"/>.</summary>
public static class SocketDialer
{
    /// <summary>Connects to an IP or Unix-socket endpoint within <paramref name="timeout"/>.</summary>
    public static async Task<Socket> ConnectAsync(PeerEndpoint endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var target = endpoint.ToEndPoint();
        var socket = endpoint.Kind == EndpointKind.LocalSocket
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(target, deadline.Token).ConfigureAwait(false);
            return socket;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new ConnectFailedException(ConnectStage.Establishment, "Connection timed out");
        }
        catch (SocketException e) when (endpoint.Kind == EndpointKind.LocalSocket && e.SocketErrorCode == SocketError.AddressNotAvailable
            && !File.Exists(endpoint.AddressText))
        {
            // .NET reports connect(2)'s ENOENT on a Unix socket as AddressNotAvailable; say what the kernel said.
            socket.Dispose();
            throw new ConnectFailedException(ConnectStage.Establishment, "No such file or directory", e);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new ConnectFailedException(ConnectStage.Establishment, SocketErrors.Describe(e), e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
