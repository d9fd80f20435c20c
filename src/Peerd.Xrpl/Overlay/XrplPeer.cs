using System.Net;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Peerd.Peering.Connections;
using Peerd.Xrpl.Hosting;
using Peerd.Xrpl.Protocol.Framing;
using Peerd.Xrpl.Protocol.Handshake;
using Peerd.Xrpl.Protocol.Identity;
using Peerd.Xrpl.Protocol.Messages;

namespace Peerd.Xrpl.Overlay;

/// <summary>
/// A connected XRPL peer: the shared <see cref="FramedConnection"/> over its TLS stream with an
/// <see cref="XrplFrameCodec"/> and rippled's ping rule (<see cref="XrplPingPolicy"/>, driven by the overlay's timer).
/// Pings are answered at once with a pong of the same sequence; unknown message types are ignored; a known type that
/// does not parse, a bad frame, or a full send queue drops the peer.
/// </summary>
public sealed class XrplPeer
{
    /// <summary>rippled's words for each way a peer ends, and the limits of <see cref="XrplTuning"/>.</summary>
    private static readonly FramedConnectionOptions Options = new()
    {
        SendQueueCapacity = XrplTuning.SendQueueLimit,

        // A TLS record must never be cut short: the write in flight may finish before close_notify. A peer that does
        // not read gets its stream cut under the blocked write instead.
        CloseGrace = XrplTuning.CloseGrace,
        Texts = new CloseTexts
        {
            PeerClosed = "Peer closed the connection",
            PeerClosedMidFrame = "Peer closed the connection inside a frame",
            QueueFull = "Large send queue",
            Fault = "Internal error",
            LivenessTimeout = "Ping Timeout",
            Disposed = "Stopped",
            InvalidFrame = error => $"Bad frame: {error}",
            ReadFailed = e => $"Read failed: {e.Message}",
            WriteFailed = e => $"Write failed: {e.Message}",
        },
    };

    private readonly FramedConnection _connection;
    private readonly XrplPingPolicy _ping;
    private readonly XrplOverlay _overlay;
    private readonly ConnectionAttempt _attempt;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly TaskCompletionSource<string> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

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
        Inbound = inbound;
        PublicKey = publicKey;
        Protocol = protocol;
        _attempt = attempt;
        _overlay = overlay;
        _time = time;
        _log = log;
        _ping = new XrplPingPolicy(time);

        // From here the connection owns the TLS stream (and the socket under it) and the pipe reader, which may hold
        // the first frames that arrived right behind the upgrade.
        _connection = new FramedConnection(connection.Ssl, connection.Reader, new XrplFrameCodec(), Options, time, (e, where) => XrplLog.TaskFault(_log, e, $"{where} of XRPL peer #{Id}"));
        _connection.Closed += (_, close) => OnClosed(close.Reason);
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
    public TimeSpan? Latency => _ping.Latency;

    /// <summary>Bytes of frames received.</summary>
    public long BytesReceived => _connection.BytesReceived;

    /// <summary>Bytes of frames sent.</summary>
    public long BytesSent => _connection.BytesSent;

    /// <summary>Messages received.</summary>
    public long MessagesReceived => _connection.MessagesReceived;

    /// <summary>Completes with the close reason when the peer is gone.</summary>
    public Task<string> Closed => _closed.Task;

    internal long ConnectedTimestamp { get; }

    /// <summary>Queues a message; false (and the peer is dropped) when the queue is full or the peer is closing.</summary>
    public bool Send(IMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return !_connection.IsClosing && _connection.TrySend(XrplFrameWriter.Encode(message));
    }

    /// <summary>Drops the peer with a reason (idempotent: the first reason wins).</summary>
    public void Close(string reason) => _connection.Close(reason);

    /// <summary>Sends a ping, or drops the peer if the previous one is unanswered (rippled "Ping Timeout").</summary>
    internal void OnTimer() => _connection.CheckLiveness();

    /// <summary>
    /// Runs the session until it ends. The connection's teardown releases everything on every exit path (the TLS
    /// stream, the socket), then <see cref="OnClosed"/> the attempt's record and the overlay's slot and key. An
    /// exception nobody expected (a message handler's bug) ends this session only, as "Internal error", logged once.
    /// </summary>
    internal async Task RunAsync()
    {
        _connection.Start((_, message) => Dispatch(message), liveness: _ping);
        await _connection.Completion.ConfigureAwait(false);
    }

    private void OnClosed(string reason)
    {
        _attempt.Close(reason);
        _closed.TrySetResult(reason);
        _overlay.OnPeerClosed(this, reason);
    }

    private void Dispatch(ReadOnlySpan<byte> frame)
    {
        var type = XrplFrameCodec.TypeOf(frame);
        var status = XrplMessageDecoder.TryDecode(type, XrplFrameCodec.PayloadOf(frame), out var message);
        switch (status)
        {
            case MessageDecodeStatus.UnknownType:
                XrplLog.UnknownMessage(_log, Id, (ushort)type);
                return;
            case MessageDecodeStatus.Malformed:
                _connection.Close(CloseKind.InvalidFrame, $"Malformed {type} message");
                return;
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

        // A handler's bug ends this session only, logged once by the connection ("Internal error").
        if (message is not (TMPing or TMEndpoints))
        {
            _overlay.MessageHandler?.OnMessage(this, message!);
        }

        _overlay.OnMessage(this, message!);
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
            _ping.OnPong(ping.Seq, _time.GetTimestamp());
        }
    }
}
