using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Threading.Channels;
using Peerd.Lightning.Metrics;
using Peerd.Lightning.Node;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Protocol.Framing;
using Peerd.Lightning.Protocol.Noise;
using Peerd.Lightning.Transport;

namespace Peerd.Lightning.Peers;

/// <summary>
/// One authenticated, initialised Lightning connection: a read loop that decrypts frames and hands each plaintext
/// message to a handler, and a write loop that drains a bounded queue, coalescing queued messages into one socket
/// write. A peer that stops reading fills the queue and is disconnected instead of costing memory.
/// </summary>
public sealed class PeerConnection : IAsyncDisposable
{
    /// <summary>Queued messages are coalesced into one socket write up to this many bytes (a larger one goes alone).</summary>
    private const int CoalescedWriteBytes = 128 * 1024;

    /// <summary>The smallest plaintext buffer rented (the pool's buckets below this are not worth a miss).</summary>
    private const int MinimumMessageBuffer = 4 * 1024;

    private readonly Socket _socket;
    private readonly NoiseTransport _transport;
    private readonly Stream _stream;
    private readonly PipeReader _reader;
    private readonly NoiseEncryptor _encryptor;
    private readonly Bolt8FrameReader _frames;
    private readonly Channel<byte[]> _sendQueue;
    private readonly CancellationTokenSource _closing = new();
    private readonly TaskCompletionSource<string> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _readLoop = Task.CompletedTask;
    private Task _writeLoop = Task.CompletedTask;
    private long _bytesReceived;
    private long _bytesSent;

    internal PeerConnection(
        Socket socket, Stream stream, PipeReader reader, NoiseTransport transport, NodeId nodeId, PeerDirection direction,
        PeerEndpoint remoteEndpoint, FeatureBits features, DateTimeOffset connectedAt, long startedAt)
    {
        _socket = socket;
        try
        {
            socket.ReceiveBufferSize = Tuning.SocketReceiveBufferBytes;
        }
        catch (SocketException)
        {
        }

        _transport = transport;
        _stream = stream;
        _reader = reader;
        _encryptor = transport.Sender;
        _frames = new Bolt8FrameReader(transport.Receiver);
        _sendQueue = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(Tuning.SendQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,

            // Not AllowSynchronousContinuations: resuming the write loop inside TrySend saves a hop but sends each
            // message of a burst (pongs to a batch of pings) in its own system call on the reader's thread; resumed
            // on the pool, the loop coalesces the burst (measured: 1 KiB pongs 30–40k/s inline, 70–140k/s queued).
        });
        NodeId = nodeId;
        Direction = direction;
        RemoteEndpoint = remoteEndpoint;
        Features = features;
        ConnectedAt = connectedAt;
        StartedAt = startedAt;
    }

    /// <summary>The authenticated remote node id.</summary>
    public NodeId NodeId { get; }

    /// <summary>Who opened the connection.</summary>
    public PeerDirection Direction { get; }

    /// <summary>The remote socket address (an ephemeral port for inbound connections).</summary>
    public PeerEndpoint RemoteEndpoint { get; }

    /// <summary>The peer's <c>init</c> features with <c>globalfeatures</c> OR-ed in.</summary>
    public FeatureBits Features { get; }

    /// <summary>When the <c>init</c> exchange completed.</summary>
    public DateTimeOffset ConnectedAt { get; }

    /// <summary>
    /// When its handshake began (a <see cref="TimeProvider.GetTimestamp"/> value): of two connections from the same
    /// side, the one begun later is the peer's reconnect, whichever finished its <c>init</c> first.
    /// </summary>
    internal long StartedAt { get; }

    /// <summary>The unexpected exception that ended the read loop ("internal error"), if one did.</summary>
    public Exception? Fault { get; private set; }

    /// <summary>Encrypted bytes received after the handshake.</summary>
    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    /// <summary>Encrypted bytes sent after the handshake.</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    /// <summary>Completes with the reason once the connection is closed.</summary>
    public Task<string> Closed => _closed.Task;

    /// <summary>Completes once <see cref="DisposeAsync"/> has released everything.</summary>
    internal Task Disposed => _disposed.Task;

    /// <summary>Cancelled when closing begins (for work done on the peer's behalf).</summary>
    public CancellationToken ClosedToken => _closing.Token;

    /// <summary>True once closing has begun.</summary>
    public bool IsClosing => _closing.IsCancellationRequested;

    /// <summary>
    /// Starts the loops. <paramref name="onMessage"/> runs on the read loop, one message at a time. Both loops start
    /// on the caller's thread and return to it at their first wait (at once, unless the peer's first messages
    /// arrived with its <c>init</c>): two thread-pool hops fewer per connection than queuing them.
    /// </summary>
    /// <remarks>
    /// <paramref name="beforeRead"/>, when given, is awaited before each socket read once the previous read's messages
    /// are handled: a consumer that is behind (gossip verification) holds this peer's reads there, so TCP flow control
    /// slows the sender instead of anything being dropped.
    /// </remarks>
    public void Start(MessageHandler onMessage, ReadGate? beforeRead = null)
    {
        _writeLoop = WriteLoopAsync();
        _readLoop = ReadLoopAsync(onMessage, beforeRead);
    }

    /// <summary>Awaited before each socket read (see <see cref="Start"/>); the token is cancelled when the connection closes.</summary>
    public delegate ValueTask ReadGate(PeerConnection connection, CancellationToken cancellationToken);

    /// <summary>Handles one decrypted message (type and payload), synchronously.</summary>
    public delegate void MessageHandler(PeerConnection connection, ReadOnlySpan<byte> message);

    /// <summary>
    /// Queues a plaintext message. Returns false (and closes the connection) when the peer has stopped reading and
    /// the queue is full, or when the connection is already closing.
    /// </summary>
    public bool TrySend(byte[] message)
    {
        if (message.Length > Bolt8Constants.MaxMessageLength)
        {
            throw new ArgumentException("message longer than 65535 bytes", nameof(message));
        }

        if (_sendQueue.Writer.TryWrite(message))
        {
            return true;
        }

        if (!IsClosing)
        {
            Close("send queue full: peer is not reading");
        }

        return false;
    }

    /// <summary>Queues a message, waiting for room (for bulk senders that want backpressure instead of a drop).</summary>
    public ValueTask SendAsync(byte[] message, CancellationToken cancellationToken = default) =>
        _sendQueue.Writer.WriteAsync(message, cancellationToken);

    /// <summary>Begins closing with <paramref name="reason"/>; the first reason given wins.</summary>
    public void Close(string reason)
    {
        if (_closed.TrySetResult(reason))
        {
            _sendQueue.Writer.TryComplete();
            _closing.Cancel();
            try
            {
                _socket.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    /// <summary>Sends whatever is queued (up to a deadline), then closes.</summary>
    public async Task FlushAndCloseAsync(string reason, TimeSpan deadline)
    {
        _sendQueue.Writer.TryComplete();
        await Task.WhenAny(_writeLoop, Task.Delay(deadline)).ConfigureAwait(false);
        Close(reason);
    }

    private async Task ReadLoopAsync(MessageHandler onMessage, ReadGate? beforeRead)
    {
        try
        {
            while (true)
            {
                if (beforeRead is not null)
                {
                    await beforeRead(this, _closing.Token).ConfigureAwait(false);
                }

                // The reader waits for data with a zero-byte read, so an idle peer holds no receive buffer, and the
                // plaintext buffer is rented per batch for the same reason (10,000 idle peers must cost little).
                var result = await _reader.ReadAsync(_closing.Token).ConfigureAwait(false);
                var buffer = result.Buffer;
                var consumed = buffer.Start;
                var examined = buffer.Start;
                byte[]? message = null;
                try
                {
                    while (true)
                    {
                        var status = _frames.TryReadMessage(buffer, message, out var length, out consumed, out examined, out var error);
                        if (status == OperationStatus.Done)
                        {
                            Interlocked.Add(ref _bytesReceived, buffer.Slice(0, consumed).Length);
                            buffer = buffer.Slice(consumed);
                            LightningMetrics.Received(message.AsSpan(0, length));
                            onMessage(this, message.AsSpan(0, length));
                            if (IsClosing)
                            {
                                return;
                            }

                            continue;
                        }

                        if (status == OperationStatus.DestinationTooSmall)
                        {
                            // The length prefix is decrypted (and consumed); rent room for the body it announces.
                            Interlocked.Add(ref _bytesReceived, buffer.Slice(0, consumed).Length);
                            buffer = buffer.Slice(consumed);
                            ReturnRented(message);
                            message = ArrayPool<byte>.Shared.Rent(Math.Max(length, MinimumMessageBuffer));
                            continue;
                        }

                        if (status == OperationStatus.InvalidData)
                        {
                            Close($"bad frame: {error}");
                            return;
                        }

                        Interlocked.Add(ref _bytesReceived, buffer.Slice(0, consumed).Length);
                        break;
                    }

                    if (result.IsCompleted)
                    {
                        Close("peer closed connection");
                        return;
                    }
                }
                finally
                {
                    ReturnRented(message);
                    _reader.AdvanceTo(consumed, examined);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            Close(SocketErrors.Describe(e));
        }
        catch (Exception e)
        {
            // A handler's bug (the gossip responder, a subscriber of MessageReceived): it ends this connection only,
            // which is then disposed as usual; the owner logs the fault once (Fault).
            Fault = e;
            Close("internal error");
        }
        finally
        {
            Close("closed");
        }
    }

    private async Task WriteLoopAsync()
    {
        var reader = _sendQueue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_closing.Token).ConfigureAwait(false))
            {
                if (!reader.TryPeek(out var first))
                {
                    continue;
                }

                // Rented per write, sized for what is queued, so an idle peer holds no send buffer; queued messages
                // are coalesced into one socket write while they fit.
                var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(CoalescedWriteBytes, NoiseEncryptor.PacketLength(first.Length)));
                try
                {
                    var used = 0;
                    while (reader.TryPeek(out var message) && used + NoiseEncryptor.PacketLength(message.Length) <= buffer.Length)
                    {
                        reader.TryRead(out _);
                        LightningMetrics.Sent(message);
                        used += _encryptor.Encrypt(message, buffer.AsSpan(used));
                    }

                    await _stream.WriteAsync(buffer.AsMemory(0, used), _closing.Token).ConfigureAwait(false);
                    Interlocked.Add(ref _bytesSent, used);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            Close(SocketErrors.Describe(e));
        }
        catch (ChannelClosedException)
        {
        }
    }

    private static void ReturnRented(byte[]? buffer)
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Close("closed");
        try
        {
            await Task.WhenAll(_readLoop, _writeLoop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await _reader.CompleteAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
        _socket.Dispose();
        _transport.Dispose();
        _closing.Dispose();
        _disposed.TrySetResult();
    }
}
