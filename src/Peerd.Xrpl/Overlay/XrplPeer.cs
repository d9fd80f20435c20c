using System.Buffers;
using System.Net;
using System.Security.Cryptography;
using System.Threading.Channels;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Peerd.Xrpl.Hosting;
using Peerd.Xrpl.Metrics;
using Peerd.Xrpl.Protocol.Framing;
using Peerd.Xrpl.Protocol.Handshake;
using Peerd.Xrpl.Protocol.Identity;
using Peerd.Xrpl.Protocol.Messages;

namespace Peerd.Xrpl.Overlay;

/// <summary>
/// A connected XRPL peer: one read loop (frames → messages), one write loop draining a bounded send queue, and the
/// ping state the overlay's timer drives. Pings are answered at once with a pong of the same sequence; unknown
/// message types are ignored; a known type that does not parse, a bad frame, or a full send queue drops the peer.
/// </summary>
public sealed class XrplPeer
{
    private readonly PeerConnection _connection;
    private readonly XrplOverlay _overlay;
    private readonly ConnectionAttempt _attempt;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly Channel<byte[]> _sendQueue = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(XrplTuning.SendQueueLimit)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<string> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _pingLock = new();
    private uint? _pendingPingSeq;
    private long _pingSentAt;
    private TimeSpan? _latency;
    private long _bytesReceived;
    private long _bytesSent;
    private long _messagesReceived;
    private string? _closeReason;

    internal XrplPeer(
        long id,
        PeerConnection connection,
        bool inbound,
        NodePublicKey publicKey,
        ProtocolVersion protocol,
        HttpHeaders headers,
        ConnectionAttempt attempt,
        XrplOverlay overlay,
        TimeProvider time,
        ILogger log)
    {
        Id = id;
        _connection = connection;
        Inbound = inbound;
        PublicKey = publicKey;
        Protocol = protocol;
        _attempt = attempt;
        _overlay = overlay;
        _time = time;
        _log = log;
        RemoteEndPoint = connection.Remote;
        Version = headers[inbound ? HeaderNames.UserAgent : HeaderNames.Server];
        NetworkId = headers[HeaderNames.NetworkId];
        ServerDomain = headers[HeaderNames.ServerDomain];
        CrawlPublic = string.Equals(headers[HeaderNames.Crawl]?.Trim(), "public", StringComparison.OrdinalIgnoreCase);
        ConnectedAt = time.GetUtcNow();
        ConnectedTimestamp = time.GetTimestamp();
    }

    /// <summary>Peer number, unique per node.</summary>
    public long Id { get; }

    /// <summary>The attempt that made this peer.</summary>
    public long AttemptId => _attempt.Id;

    /// <summary>True when the peer dialled us.</summary>
    public bool Inbound { get; }

    /// <summary>The peer's verified node key.</summary>
    public NodePublicKey PublicKey { get; }

    /// <summary>The negotiated protocol.</summary>
    public ProtocolVersion Protocol { get; }

    /// <summary>The peer's address.</summary>
    public IPEndPoint RemoteEndPoint { get; }

    /// <summary>The peer's <c>User-Agent</c> (inbound) or <c>Server</c> (outbound) header.</summary>
    public string? Version { get; }

    /// <summary>The peer's <c>Network-ID</c> header, if it sent one.</summary>
    public string? NetworkId { get; }

    /// <summary>The peer's <c>Server-Domain</c> header, if it sent one.</summary>
    public string? ServerDomain { get; }

    /// <summary>True when the peer's handshake said <c>Crawl: public</c> (case-insensitive, as rippled's <c>PeerImp::crawl</c>): <c>/crawl</c> may list its address.</summary>
    public bool CrawlPublic { get; }

    /// <summary>When the handshake completed.</summary>
    public DateTimeOffset ConnectedAt { get; }

    /// <summary>Round-trip time of pings, averaged like rippled (7/8 old + 1/8 new); null before the first pong.</summary>
    public TimeSpan? Latency
    {
        get
        {
            lock (_pingLock)
            {
                return _latency;
            }
        }
    }

    /// <summary>Bytes of frames received.</summary>
    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    /// <summary>Bytes of frames sent.</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    /// <summary>Messages received.</summary>
    public long MessagesReceived => Interlocked.Read(ref _messagesReceived);

    /// <summary>Completes with the close reason when the peer is gone.</summary>
    public Task<string> Closed => _closed.Task;

    internal long ConnectedTimestamp { get; }

    /// <summary>Queues a message; false (and the peer is dropped) when the queue is full or the peer is closing.</summary>
    public bool Send(IMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_stop.IsCancellationRequested)
        {
            return false;
        }

        if (_sendQueue.Writer.TryWrite(XrplFrameWriter.Encode(message)))
        {
            return true;
        }

        Close("Large send queue");
        return false;
    }

    /// <summary>Drops the peer with a reason (idempotent).</summary>
    public void Close(string reason)
    {
        lock (_pingLock)
        {
            _closeReason ??= reason;
        }

        _stop.Cancel();
        _sendQueue.Writer.TryComplete();
    }

    /// <summary>Sends a ping, or drops the peer if the previous one is unanswered (rippled "Ping Timeout").</summary>
    internal void OnTimer()
    {
        uint seq = 0;
        bool unanswered;
        lock (_pingLock)
        {
            // "Already waiting for PONG".
            unanswered = _pendingPingSeq is not null;
            if (!unanswered)
            {
                seq = BitConverter.ToUInt32(RandomNumberGenerator.GetBytes(sizeof(uint)));
                _pendingPingSeq = seq;
                _pingSentAt = _time.GetTimestamp();
            }
        }

        if (unanswered)
        {
            Close("Ping Timeout");
            return;
        }

        Send(new TMPing { Type = TMPing.Types.pingType.PtPing, Seq = seq, NetTime = (ulong)NetworkTime.ToNetworkSeconds(_time.GetUtcNow()) });
    }

    /// <summary>
    /// Runs the session until it ends, then releases everything on every exit path (in a <c>finally</c>): the socket,
    /// the attempt's record, the overlay's slot and key. An exception nobody expected (a message handler's bug) ends
    /// this session only, as "Internal error", and is logged once.
    /// </summary>
    internal async Task RunAsync()
    {
        var writer = Task.Run(WriteLoopAsync);
        var reason = "Internal error";
        try
        {
            reason = await ReadLoopAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            reason = "Stopped";
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or ObjectDisposedException or InvalidOperationException)
        {
            reason = $"Read failed: {e.Message}";
        }
        catch (Exception e)
        {
            XrplLog.TaskFault(_log, e, $"XRPL peer #{Id}'s session");
        }
        finally
        {
            await TearDownAsync(writer, reason).ConfigureAwait(false);
        }
    }

    private async Task TearDownAsync(Task writer, string reason)
    {
        Close(reason);
        try
        {
            // A TLS record must never be cut short: let the write in flight finish before close_notify. A peer that
            // does not read gets its socket closed under the blocked write instead.
            var flushed = await writer.WaitAsync(XrplTuning.CloseGrace).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default).ConfigureAwait(false);
            if (flushed)
            {
                await _connection.ShutdownAsync(XrplTuning.CloseGrace).ConfigureAwait(false);
            }

            await _connection.DisposeAsync().ConfigureAwait(false);
            await writer.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            XrplLog.TaskFault(_log, e, $"XRPL peer #{Id}'s teardown");
        }
        finally
        {
            string final;
            lock (_pingLock)
            {
                final = _closeReason ?? reason;
            }

            _attempt.Close(final);
            _closed.TrySetResult(final);
            _overlay.OnPeerClosed(this, final);
        }
    }

    private async Task<string> ReadLoopAsync()
    {
        var reader = _connection.Reader;
        while (true)
        {
            var result = await reader.ReadAsync(_stop.Token).ConfigureAwait(false);
            var buffer = result.Buffer;
            var consumed = buffer.Start;
            var examined = buffer.End;
            try
            {
                while (true)
                {
                    var status = XrplFrameReader.TryReadFrame(buffer, compressionEnabled: false, out var frame, out var frameEnd, out _, out var error);
                    if (status == OperationStatus.NeedMoreData)
                    {
                        break;
                    }

                    if (status == OperationStatus.InvalidData)
                    {
                        return $"Bad frame: {error}";
                    }

                    Interlocked.Add(ref _bytesReceived, frame.Header.TotalLength);
                    XrplMetrics.Received((int)frame.Header.Type, frame.Header.TotalLength);
                    var problem = Dispatch(frame);
                    buffer = buffer.Slice(frameEnd);
                    consumed = frameEnd;
                    if (problem is not null)
                    {
                        return problem;
                    }
                }

                if (result.IsCompleted)
                {
                    return buffer.IsEmpty ? "Peer closed the connection" : "Peer closed the connection inside a frame";
                }
            }
            finally
            {
                reader.AdvanceTo(consumed, examined);
            }
        }
    }

    private string? Dispatch(XrplFrame frame)
    {
        Interlocked.Increment(ref _messagesReceived);
        var status = XrplMessageDecoder.TryDecode(frame.Header.Type, frame.Payload, out var message);
        switch (status)
        {
            case MessageDecodeStatus.UnknownType:
                XrplLog.UnknownMessage(_log, Id, (ushort)frame.Header.Type);
                return null;
            case MessageDecodeStatus.Malformed:
                return $"Malformed {frame.Header.Type} message";
        }

        switch (message)
        {
            case TMPing ping:
                OnPing(ping);
                break;
            case TMEndpoints endpoints:
                _overlay.EndpointCache.Add(endpoints, PublicKey.ToBase58(), RemoteEndPoint.Address, _time.GetUtcNow());
                break;
        }

        try
        {
            if (message is not (TMPing or TMEndpoints))
            {
                _overlay.MessageHandler?.OnMessage(this, message!);
            }

            _overlay.OnMessage(this, message!);
        }
        catch (Exception e)
        {
            // A handler's bug ends this session only, and is logged once (here, not again at teardown).
            XrplLog.TaskFault(_log, e, $"a message handler for XRPL peer #{Id}");
            return "Internal error";
        }

        return null;
    }

    private void OnPing(TMPing ping)
    {
        if (ping.Type == TMPing.Types.pingType.PtPing)
        {
            // "We have received a ping request, reply with a pong."
            ping.Type = TMPing.Types.pingType.PtPong;
            Send(ping);
            return;
        }

        if (ping.Type == TMPing.Types.pingType.PtPong && ping.HasSeq)
        {
            lock (_pingLock)
            {
                // "Only reset the ping sequence if we actually received a PONG with the correct cookie. That way,
                // any peers which respond with incorrect cookies will eventually time out."
                if (_pendingPingSeq != ping.Seq)
                {
                    return;
                }

                _pendingPingSeq = null;
                var rtt = _time.GetElapsedTime(_pingSentAt);
                _latency = _latency is { } old ? ((old * 7) + rtt) / 8 : rtt;
            }
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            // Close() completes the queue; frames still queued then are dropped, the one being written is finished.
            await foreach (var frame in _sendQueue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                if (_stop.IsCancellationRequested)
                {
                    break;
                }

                await _connection.WriteAsync(frame, CancellationToken.None).ConfigureAwait(false);
                Interlocked.Add(ref _bytesSent, frame.Length);
                XrplMetrics.Sent(frame);
            }
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or ObjectDisposedException or InvalidOperationException or NotSupportedException)
        {
            Close($"Write failed: {e.Message}");
        }
    }
}
