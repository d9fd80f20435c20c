using System.Buffers;
using System.IO.Pipelines;
using System.Threading.Channels;

namespace Peerd.Peering.Connections;

/// <summary>
/// One peer connection of either network, after its handshake: it owns a stream, runs the only reader (bytes →
/// <see cref="IFrameCodec"/> → messages → handler) and the only writer (a bounded queue, coalesced into few stream
/// writes), and tears everything down exactly once, whichever way it ends: the peer's EOF, a read or write error, a
/// bad frame, a full queue, a handler that throws, the liveness policy, or our own close.
/// </summary>
/// <remarks>
/// The reader waits with the pipe's zero-byte read where the stream supports it and rents a message buffer per batch;
/// the writer rents its buffer per write: an idle connection holds no buffer. The owner subscribes to
/// <see cref="Closed"/> before <see cref="Start"/>, and either starts the connection or disposes it.
/// </remarks>
public sealed class FramedConnection : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly PipeReader _reader;
    private readonly IFrameCodec _codec;
    private readonly FramedConnectionOptions _options;
    private readonly TimeProvider _time;
    private readonly Action<Exception, string> _onFault;
    private readonly Channel<byte[]> _sendQueue;
    private readonly CancellationTokenSource _closing = new();
    private readonly CancellationTokenSource _abortWrite = new();
    private readonly TaskCompletionSource<ConnectionClose> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ConnectionClose? _close;
    private Task _writeLoop = Task.CompletedTask;
    private int _state;
    private volatile bool _sendCompleted;
    private long _bytesReceived;
    private long _bytesSent;
    private long _messagesReceived;

    /// <summary>
    /// Takes ownership of <paramref name="stream"/> and of <paramref name="reader"/> over it (which may hold bytes the
    /// handshake read past its end), and of <paramref name="codec"/>.
    /// </summary>
    /// <param name="stream">The connected stream (written to; disposed at teardown).</param>
    /// <param name="reader">The pipe reader over <paramref name="stream"/> (the only reader).</param>
    /// <param name="codec">The network's framing.</param>
    /// <param name="options">The stack's settings.</param>
    /// <param name="time">The clock for every deadline and timestamp.</param>
    /// <param name="onFault">The stack's log hook for our own bugs (the exception and where it was caught); called once per fault.</param>
    public FramedConnection(
        Stream stream, PipeReader reader, IFrameCodec codec, FramedConnectionOptions options, TimeProvider time, Action<Exception, string> onFault)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(onFault);
        _stream = stream;
        _reader = reader;
        _codec = codec;
        _options = options;
        _time = time;
        _onFault = onFault;
        _sendQueue = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(options.SendQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,

            // Not AllowSynchronousContinuations: resuming the write loop inside TrySend saves a hop but sends each
            // message of a burst (pongs to a batch of pings) in its own system call on the reader's thread; resumed
            // on the pool, the loop coalesces the burst (measured: 1 KiB pongs 30–40k/s inline, 70–140k/s queued).
        });
    }

    /// <summary>Handles one decoded message, synchronously, on the read loop.</summary>
    public delegate void MessageHandler(FramedConnection connection, ReadOnlySpan<byte> message);

    /// <summary>Awaited before each read (flow control for a consumer that is behind); the token is cancelled at close.</summary>
    public delegate ValueTask ReadGate(FramedConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Raised once, after teardown has released everything, with how the connection ended. Each subscriber runs in
    /// its own try: one that throws is logged through the fault hook and does not stop the others.
    /// </summary>
    public event Action<FramedConnection, ConnectionClose>? Closed;

    /// <summary>The liveness policy given to <see cref="Start"/>, if any.</summary>
    public ILivenessPolicy? Liveness { get; private set; }

    /// <summary>Completes, after teardown and the <see cref="Closed"/> subscribers, with how the connection ended.</summary>
    public Task<ConnectionClose> Completion => _completion.Task;

    /// <summary>How the connection ended (set when closing begins), or null while open.</summary>
    public ConnectionClose? CloseInfo => Volatile.Read(ref _close);

    /// <summary>Cancelled when closing begins (for work done on the peer's behalf).</summary>
    public CancellationToken ClosingToken => _closing.Token;

    /// <summary>True once closing has begun.</summary>
    public bool IsClosing => _closing.IsCancellationRequested;

    /// <summary>The unexpected exception that ended the connection (<see cref="CloseKind.Fault"/>), if one did.</summary>
    public Exception? Fault { get; private set; }

    /// <summary>Wire bytes consumed by the read loop.</summary>
    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    /// <summary>Wire bytes written.</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    /// <summary>Messages decoded.</summary>
    public long MessagesReceived => Interlocked.Read(ref _messagesReceived);

    /// <summary>
    /// Starts the loops; <paramref name="onMessage"/> runs on the read loop, one message at a time. Both loops start on
    /// the caller's thread and return to it at their first wait (two thread-pool hops fewer than queuing them). Does
    /// nothing if the connection was already disposed. <paramref name="liveness"/> is asked at each
    /// <see cref="CheckLiveness"/> and told of each batch read.
    /// </summary>
    public void Start(MessageHandler onMessage, ReadGate? beforeRead = null, ILivenessPolicy? liveness = null)
    {
        ArgumentNullException.ThrowIfNull(onMessage);
        var previous = Interlocked.CompareExchange(ref _state, 1, 0);
        if (previous == 2)
        {
            return;
        }

        if (previous != 0)
        {
            throw new InvalidOperationException("The connection was already started.");
        }

        Liveness = liveness;
        _writeLoop = WriteLoopAsync();
        _ = RunAsync(onMessage, beforeRead);
    }

    /// <summary>
    /// Queues a message. Returns false when the connection is closing, and when the queue is full: the peer is not
    /// reading, so the connection is closed (<see cref="CloseKind.QueueFull"/>) rather than buffered without bound.
    /// </summary>
    public bool TrySend(byte[] message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_sendQueue.Writer.TryWrite(message))
        {
            return true;
        }

        if (!_sendCompleted && !IsClosing)
        {
            Close(CloseKind.QueueFull, _options.Texts.QueueFull);
        }

        return false;
    }

    /// <summary>Queues a message, waiting for room (for bulk senders that want backpressure instead of a drop).</summary>
    public ValueTask SendAsync(byte[] message, CancellationToken cancellationToken = default) =>
        _sendQueue.Writer.WriteAsync(message, cancellationToken);

    /// <summary>Begins closing from our side; the first reason given wins.</summary>
    public void Close(string reason) => Close(CloseKind.Local, reason);

    /// <summary>Begins closing with <paramref name="kind"/> and <paramref name="reason"/>; the first reason given wins.</summary>
    public void Close(CloseKind kind, string reason)
    {
        if (Interlocked.CompareExchange(ref _close, new ConnectionClose(kind, reason), null) is not null)
        {
            return;
        }

        _sendCompleted = true;
        _sendQueue.Writer.TryComplete();
        _closing.Cancel();
        if (_options.CloseGrace <= TimeSpan.Zero)
        {
            _abortWrite.Cancel();
        }
    }

    /// <summary>Sends what is queued (for at most <paramref name="deadline"/>), then closes with <paramref name="reason"/>.</summary>
    public async Task FlushAndCloseAsync(string reason, TimeSpan deadline)
    {
        _sendCompleted = true;
        _sendQueue.Writer.TryComplete();
        try
        {
            await _writeLoop.WaitAsync(deadline, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The peer does not read: close anyway.
        }

        Close(reason);
    }

    /// <summary>
    /// Asks the liveness policy (the owner's timer calls this for each connection): sends its ping, or closes the
    /// connection (<see cref="CloseKind.LivenessTimeout"/>). Returns what was done.
    /// </summary>
    public LivenessAction CheckLiveness()
    {
        if (Liveness is not { } policy || IsClosing)
        {
            return LivenessAction.None;
        }

        var action = policy.Tick(_time.GetTimestamp(), out var ping);
        switch (action)
        {
            case LivenessAction.SendPing when ping is not null:
                TrySend(ping);
                break;
            case LivenessAction.Disconnect:
                Close(CloseKind.LivenessTimeout, _options.Texts.LivenessTimeout);
                break;
        }

        return action;
    }

    /// <summary>Closes (if still open), and completes once teardown has released everything.</summary>
    public async ValueTask DisposeAsync()
    {
        Close(CloseKind.Local, _options.Texts.Disposed);
        if (Interlocked.CompareExchange(ref _state, 2, 0) == 0)
        {
            // Never started: nothing else will tear it down.
            await TearDownAsync().ConfigureAwait(false);
        }

        await _completion.Task.ConfigureAwait(false);
    }

    private async Task RunAsync(MessageHandler onMessage, ReadGate? beforeRead)
    {
        try
        {
            await ReadLoopAsync(onMessage, beforeRead).ConfigureAwait(false);
        }
        finally
        {
            await TearDownAsync().ConfigureAwait(false);
        }
    }

    private async Task ReadLoopAsync(MessageHandler onMessage, ReadGate? beforeRead)
    {
        try
        {
            while (!IsClosing)
            {
                if (beforeRead is not null)
                {
                    await beforeRead(this, _closing.Token).ConfigureAwait(false);
                }

                var result = await _reader.ReadAsync(_closing.Token).ConfigureAwait(false);
                if (!ReadBatch(result, onMessage))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Closing (the reason is set), or a read gate that gave up.
        }
        catch (Exception e) when (IsStreamFailure(e))
        {
            Close(CloseKind.ReadFailed, _options.Texts.ReadFailed(e));
        }
        catch (Exception e)
        {
            ReportFault(e, "the read loop");
        }
        finally
        {
            Close(CloseKind.Local, _options.Texts.Disposed);
        }
    }

    /// <summary>Decodes and hands on the messages of one read; false when the connection is to end.</summary>
    private bool ReadBatch(ReadResult result, MessageHandler onMessage)
    {
        var buffer = result.Buffer;
        var consumed = buffer.Start;
        var examined = buffer.Start;
        byte[]? message = null;
        try
        {
            if (!buffer.IsEmpty)
            {
                Liveness?.OnReceived(_time.GetTimestamp());
            }

            while (true)
            {
                var status = _codec.Decode(buffer, message, out var length, out consumed, out examined, out var error);
                switch (status)
                {
                    case OperationStatus.Done:
                        Interlocked.Add(ref _bytesReceived, buffer.Slice(0, consumed).Length);
                        Interlocked.Increment(ref _messagesReceived);
                        buffer = buffer.Slice(consumed);
                        if (!Deliver(onMessage, message.AsSpan(0, length)) || IsClosing)
                        {
                            return false;
                        }

                        continue;
                    case OperationStatus.DestinationTooSmall:
                        // The codec knows the length (and may have consumed a header): rent room for the message.
                        Interlocked.Add(ref _bytesReceived, buffer.Slice(0, consumed).Length);
                        buffer = buffer.Slice(consumed);
                        ReturnRented(message);
                        message = ArrayPool<byte>.Shared.Rent(Math.Max(length, _options.MinimumMessageBuffer));
                        continue;
                    case OperationStatus.InvalidData:
                        Close(CloseKind.InvalidFrame, _options.Texts.InvalidFrame(error ?? "invalid"));
                        return false;
                }

                Interlocked.Add(ref _bytesReceived, buffer.Slice(0, consumed).Length);
                if (result.IsCompleted)
                {
                    var midFrame = !buffer.Slice(consumed).IsEmpty && _options.Texts.PeerClosedMidFrame is not null;
                    Close(CloseKind.PeerClosed, midFrame ? _options.Texts.PeerClosedMidFrame! : _options.Texts.PeerClosed);
                    return false;
                }

                return true;
            }
        }
        finally
        {
            ReturnRented(message);
            _reader.AdvanceTo(consumed, examined);
        }
    }

    /// <summary>Calls the handler; one that throws ends this connection only, logged once.</summary>
    private bool Deliver(MessageHandler onMessage, ReadOnlySpan<byte> message)
    {
        try
        {
            onMessage(this, message);
            return true;
        }
        catch (Exception e)
        {
            ReportFault(e, "a message handler");
            return false;
        }
    }

    private async Task WriteLoopAsync()
    {
        var reader = _sendQueue.Reader;
        var atBoundary = true;
        try
        {
            while (await reader.WaitToReadAsync(_closing.Token).ConfigureAwait(false))
            {
                if (!reader.TryPeek(out var first))
                {
                    continue;
                }

                // Rented per write, sized for what is queued, so an idle peer holds no send buffer; queued messages
                // are coalesced into one stream write while they fit.
                var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(_options.CoalescedWriteBytes, _codec.EncodedLength(first.Length)));
                try
                {
                    var used = 0;
                    while (reader.TryPeek(out var message) && used + _codec.EncodedLength(message.Length) <= buffer.Length)
                    {
                        reader.TryRead(out _);
                        used += _codec.Encode(message, buffer.AsSpan(used));
                    }

                    atBoundary = false;
                    await _stream.WriteAsync(buffer.AsMemory(0, used), _abortWrite.Token).ConfigureAwait(false);
                    await _stream.FlushAsync(_abortWrite.Token).ConfigureAwait(false);
                    atBoundary = true;
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
            // Closing: queued messages are dropped.
        }
        catch (Exception e) when (IsStreamFailure(e))
        {
            Close(CloseKind.WriteFailed, _options.Texts.WriteFailed(e));
        }
        catch (Exception e)
        {
            ReportFault(e, "the write loop");
        }

        if (!atBoundary)
        {
            // A write was cut short: the stream is not at a message boundary, so no polite shutdown.
            _abortWrite.Cancel();
        }
    }

    /// <summary>Runs once: lets the write in flight finish (within the grace), shuts down, releases, tells.</summary>
    private async Task TearDownAsync()
    {
        var close = CloseInfo ?? new ConnectionClose(CloseKind.Local, _options.Texts.Disposed);
        try
        {
            if (!_writeLoop.IsCompleted && _options.CloseGrace > TimeSpan.Zero)
            {
                try
                {
                    await _writeLoop.WaitAsync(_options.CloseGrace, _time).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    // The peer does not read: the write is cut below.
                }
            }

            if (!_writeLoop.IsCompleted || _abortWrite.IsCancellationRequested)
            {
                await _abortWrite.CancelAsync().ConfigureAwait(false);
            }
            else if (_options.CloseGrace > TimeSpan.Zero)
            {
                using var grace = new CancellationTokenSource(_options.CloseGrace, _time);
                await _codec.ShutdownAsync(_stream, grace.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException or NotSupportedException)
        {
            // The peer may be gone already; closing the stream below is what matters.
        }
        finally
        {
            await ReleaseAsync().ConfigureAwait(false);
            await _writeLoop.ConfigureAwait(false);
            Notify(close);
            _completion.TrySetResult(close);
        }
    }

    private async Task ReleaseAsync()
    {
        try
        {
            await _reader.CompleteAsync().ConfigureAwait(false);
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or NotSupportedException)
        {
            // Disposing a broken stream may report how it broke; it is released either way.
        }
        finally
        {
            _codec.Dispose();
        }
    }

    private void Notify(ConnectionClose close)
    {
        if (Closed is not { } subscribers)
        {
            return;
        }

        foreach (var subscriber in subscribers.GetInvocationList())
        {
            try
            {
                ((Action<FramedConnection, ConnectionClose>)subscriber)(this, close);
            }
            catch (Exception e)
            {
                _onFault(e, "a Closed subscriber");
            }
        }
    }

    private void ReportFault(Exception e, string where)
    {
        Fault ??= e;
        Close(CloseKind.Fault, _options.Texts.Fault);
        _onFault(e, where);
    }

    /// <summary>How a stream reports that the connection under it failed (a socket's errors arrive as <see cref="IOException"/>, or bare).</summary>
    private static bool IsStreamFailure(Exception e) =>
        e is IOException or System.Net.Sockets.SocketException or ObjectDisposedException or InvalidOperationException or NotSupportedException;

    private static void ReturnRented(byte[]? buffer)
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
