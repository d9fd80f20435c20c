using System.IO.Pipelines;
using Peerd.Lightning.Node;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Protocol.Noise;
using Peerd.Lightning.Transport;
using Peerd.Peering.Connections;

namespace Peerd.Lightning.Peers;

/// <summary>
/// One authenticated, initialised Lightning connection: the shared <see cref="FramedConnection"/> over a
/// <see cref="Bolt8FrameCodec"/>, with the peer's identity and <c>init</c> features. Its read loop decrypts frames and
/// hands each plaintext message to a handler; its write loop drains a bounded queue, coalescing queued messages into
/// one write. A peer that stops reading fills the queue and is disconnected instead of costing memory.
/// </summary>
public sealed class PeerConnection : IAsyncDisposable
{
    /// <summary>Core Lightning's words for each way a connection ends, and the limits of <see cref="Tuning"/>.</summary>
    private static readonly FramedConnectionOptions Options = new()
    {
        SendQueueCapacity = Tuning.SendQueueCapacity,
        CoalescedWriteBytes = 128 * 1024,
        MinimumMessageBuffer = 4 * 1024,
        CloseGrace = TimeSpan.Zero,
        Texts = new CloseTexts
        {
            PeerClosed = "peer closed connection",
            QueueFull = "send queue full: peer is not reading",
            Fault = "internal error",
            LivenessTimeout = "Last ping unreturned: hanging up",
            Disposed = "closed",
            InvalidFrame = error => $"bad frame: {error}",
            ReadFailed = SocketErrors.Describe,
            WriteFailed = SocketErrors.Describe,
        },
    };

    private readonly FramedConnection _framed;
    private readonly TaskCompletionSource<string> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Action<Exception, string>? _onFault;

    internal PeerConnection(
        Stream stream, PipeReader reader, NoiseTransport transport, NodeId nodeId, PeerDirection direction,
        PeerEndpoint remoteEndpoint, FeatureBits features, DateTimeOffset connectedAt, long startedAt, TimeProvider time)
    {
        _framed = new FramedConnection(stream, reader, new Bolt8FrameCodec(transport), Options, time, (e, where) => _onFault?.Invoke(e, where));
        _framed.Closed += (_, close) => _closed.TrySetResult(close.Reason);
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

    /// <summary>The unexpected exception that ended the connection ("internal error"), if one did.</summary>
    public Exception? Fault => _framed.Fault;

    /// <summary>Encrypted bytes received after the handshake.</summary>
    public long BytesReceived => _framed.BytesReceived;

    /// <summary>Encrypted bytes sent after the handshake.</summary>
    public long BytesSent => _framed.BytesSent;

    /// <summary>Completes with the reason once the connection is closed and everything it held is released.</summary>
    public Task<string> Closed => _closed.Task;

    /// <summary>The reason given when closing began, or null while open.</summary>
    public string? CloseReason => _framed.CloseInfo?.Reason;

    /// <summary>Completes once <see cref="DisposeAsync"/> has released everything.</summary>
    internal Task Disposed => _disposed.Task;

    /// <summary>Cancelled when closing begins (for work done on the peer's behalf).</summary>
    public CancellationToken ClosedToken => _framed.ClosingToken;

    /// <summary>True once closing has begun.</summary>
    public bool IsClosing => _framed.IsClosing;

    /// <summary>
    /// Starts the loops. <paramref name="onMessage"/> runs on the read loop, one message at a time. Both loops start
    /// on the caller's thread and return to it at their first wait (at once, unless the peer's first messages
    /// arrived with its <c>init</c>): two thread-pool hops fewer per connection than queuing them.
    /// </summary>
    /// <remarks>
    /// <paramref name="beforeRead"/>, when given, is awaited before each socket read once the previous read's messages
    /// are handled: a consumer that is behind (gossip verification) holds this peer's reads there, so TCP flow control
    /// slows the sender instead of anything being dropped. <paramref name="liveness"/> is asked at each
    /// <see cref="CheckLiveness"/>; <paramref name="onFault"/> logs a handler's exception, which ends this connection only.
    /// </remarks>
    public void Start(MessageHandler onMessage, ReadGate? beforeRead = null, ILivenessPolicy? liveness = null, Action<Exception, string>? onFault = null)
    {
        ArgumentNullException.ThrowIfNull(onMessage);
        _onFault = onFault;
        _framed.Start((_, message) => onMessage(this, message), beforeRead is null ? null : (_, token) => beforeRead(this, token), liveness);
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
        ArgumentNullException.ThrowIfNull(message);
        if (message.Length > Bolt8Constants.MaxMessageLength)
        {
            throw new ArgumentException("message longer than 65535 bytes", nameof(message));
        }

        return _framed.TrySend(message);
    }

    /// <summary>Queues a message, waiting for room (for bulk senders that want backpressure instead of a drop).</summary>
    public ValueTask SendAsync(byte[] message, CancellationToken cancellationToken = default) => _framed.SendAsync(message, cancellationToken);

    /// <summary>Begins closing with <paramref name="reason"/>; the first reason given wins.</summary>
    public void Close(string reason) => _framed.Close(reason);

    /// <summary>Sends whatever is queued (up to a deadline), then closes.</summary>
    public Task FlushAndCloseAsync(string reason, TimeSpan deadline) => _framed.FlushAndCloseAsync(reason, deadline);

    /// <summary>Asks the liveness policy given to <see cref="Start"/>: sends its ping or hangs up; returns what it did.</summary>
    public LivenessAction CheckLiveness() => _framed.CheckLiveness();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _framed.DisposeAsync().ConfigureAwait(false);
        _disposed.TrySetResult();
    }
}
