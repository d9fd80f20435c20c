using System.Net.Sockets;

namespace Peerd.Lightning.Transport;

/// <summary>
/// Where a connected socket becomes the stream the handshake and the connection use (dialled or accepted alike):
/// everything past this point works on a <see cref="Stream"/>, so it runs as well over an in-memory pair.
/// </summary>
public static class PeerStreams
{
    /// <summary>Sizes the socket's receive buffer (<see cref="Tuning.SocketReceiveBufferBytes"/>) and wraps it in a stream that owns it.</summary>
    public static Stream Open(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        try
        {
            socket.ReceiveBufferSize = Tuning.SocketReceiveBufferBytes;
        }
        catch (SocketException)
        {
            // Not every socket takes it (a reset one): the default buffer serves.
        }

        return new NetworkStream(socket, ownsSocket: true);
    }
}
