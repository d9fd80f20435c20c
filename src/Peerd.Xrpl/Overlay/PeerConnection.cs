using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;

namespace Peerd.Xrpl.Overlay;

/// <summary>
/// The transport of one peer connection during its handshake: the connected stream (a socket's, or an in-memory one),
/// the TLS stream over it, and a pipe reader over the TLS stream. The same reader serves the HTTP upgrade and then the
/// binary frames, so bytes that arrive right behind the upgrade head belong to the first frame and are not lost: an
/// upgraded peer's <see cref="XrplPeer"/> takes the TLS stream and the reader over (and releases them).
/// </summary>
internal sealed class PeerConnection : IAsyncDisposable
{
    private int _disposed;

    /// <summary>Takes ownership of <paramref name="stream"/>, connected to <paramref name="remote"/>.</summary>
    public PeerConnection(Stream stream, IPEndPoint remote)
    {
        Remote = remote;
        Ssl = new SslStream(stream, leaveInnerStreamOpen: false);
        Reader = PipeReader.Create(Ssl, new StreamPipeReaderOptions(bufferSize: XrplTuning.ReadBufferBytes, minimumReadSize: 1024, leaveOpen: true));
    }

    public IPEndPoint Remote { get; }

    public SslStream Ssl { get; }

    public PipeReader Reader { get; }

    /// <summary>Writes bytes and flushes (the upgrade head, then whole frames).</summary>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await Ssl.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await Ssl.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends TLS close_notify, best effort within <paramref name="grace"/>.</summary>
    public async Task ShutdownAsync(TimeSpan grace)
    {
        try
        {
            using var timeout = new CancellationTokenSource(grace);
            await Ssl.ShutdownAsync().WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException or SocketException or NotSupportedException)
        {
            // The peer may already be gone; closing the socket below is what matters.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await Reader.CompleteAsync().ConfigureAwait(false);
        await Ssl.DisposeAsync().ConfigureAwait(false);
    }
}
