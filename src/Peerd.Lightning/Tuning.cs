namespace Peerd.Lightning;

/// <summary>
/// Every limit and deadline of the Lightning node, in one place, each with its reason. Options may override the
/// ones users tune (timeouts); the rest are bounds that keep a hostile peer from costing memory or time.
/// </summary>
public static class Tuning
{
    /// <summary>
    /// Handshake plus <c>init</c> exchange deadline (Core Lightning's 60 s <c>connection_timeout_secs</c>): long enough
    /// for Tor, short enough that a silent listener does not hold a <c>connect</c> call for minutes.
    /// </summary>
    public static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// TCP connect deadline. Core Lightning relies on the kernel's ~127 s SYN retry; LDK uses 10 s. 30 s covers slow
    /// links without a hung <c>connect</c> RPC.
    /// </summary>
    public static readonly TimeSpan TcpConnectTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How often the ping policy looks at each peer (Core Lightning: 15 s + up to 30 s of jitter).</summary>
    public static readonly TimeSpan PingTick = TimeSpan.FromSeconds(15);

    /// <summary>A ping is sent only when nothing was received for this long (Core Lightning's 60 s).</summary>
    public static readonly TimeSpan PingIdle = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A ping still unanswered after this long drops the peer ("Last ping unreturned"); node-lightning waits 15 s,
    /// Core Lightning until its next tick (15–45 s).
    /// </summary>
    public static readonly TimeSpan PongTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Outbound messages queued per peer before it counts as not reading. LDK pauses reads at 12 and drops gossip at
    /// 128 KiB; at 64 queued messages (≤ 4 MiB of plaintext) a peer is clearly not draining and is disconnected.
    /// </summary>
    public const int SendQueueCapacity = 64;

    /// <summary>
    /// Socket receive buffering per peer before reads pause (eclair suspends at 1,000,000 bytes). Two maximum-size
    /// packets (2 × 65,569) keep a full message in flight while the next one arrives.
    /// </summary>
    public const int ReadBufferPauseThreshold = 2 * 65_569;

    /// <summary>Bytes buffered per peer after which reading resumes.</summary>
    public const int ReadBufferResumeThreshold = 65_569;

    /// <summary>
    /// Handshakes allowed in flight at once, inbound plus outbound (lnd's listener uses 50). Beyond it new inbound
    /// sockets are closed at once, so a flood of half-open connections cannot exhaust memory or descriptors.
    /// </summary>
    public const int MaxPendingHandshakes = 256;

    /// <summary>Connected peers at most (LDK refuses inbound beyond 2,500 channel-less peers; we aim higher).</summary>
    public const int MaxPeers = 20_000;

    /// <summary>Listen backlog (Core Lightning uses 64; a larger one absorbs connection bursts in load tests).</summary>
    public const int ListenBacklog = 512;

    /// <summary>The longest Unix socket path Linux accepts (<c>sizeof(sun_path)</c> is 108 with the terminator).</summary>
    public const int MaxUnixSocketPathBytes = 107;
}
