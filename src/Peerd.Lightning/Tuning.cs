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
    /// packets (2 × 65,569) keep a full message in flight while the next one arrives. The read loop reads only when it
    /// has consumed every whole message, so what it buffers is one partial packet (≤ 65,569 bytes) plus one socket
    /// read; this threshold is the bound that arrangement keeps.
    /// </summary>
    public const int ReadBufferPauseThreshold = 2 * 65_569;

    /// <summary>
    /// The kernel's receive buffer per peer socket (SO_RCVBUF; Linux doubles it). Left to autotuning it grows to
    /// megabytes, and when the read loop is held (gossip flow control) a peer's ping then waits behind megabytes of
    /// gossip: at the ~1,000 messages/s of a loaded machine that is longer than the 15 s a node-lightning or Core
    /// Lightning peer waits for its pong. 256 KiB keeps that wait near a second and is still over the bandwidth-delay
    /// product of a 20 Mbit/s, 100 ms path.
    /// </summary>
    public const int SocketReceiveBufferBytes = 256 * 1024;

    /// <summary>Bytes buffered per peer after which reading resumes.</summary>
    public const int ReadBufferResumeThreshold = 65_569;

    /// <summary>
    /// Handshakes allowed in flight at once, inbound plus outbound: 1,024. lnd's listener allows 50 at a time; we take
    /// more because a pending handshake costs little (a socket and ~16 KiB of buffers: ~16 MiB for all of them) and a
    /// busy node sees bursts. Beyond it an inbound socket is admitted only by closing the oldest pending inbound
    /// handshake (see <see cref="MinEvictableHandshakeAge"/>); otherwise it is closed at once. Together with the
    /// handshake deadline this bounds what half-open and slowloris connections can hold.
    /// </summary>
    public const int MaxPendingHandshakes = 1024;

    /// <summary>
    /// With the handshake table full, a pending inbound handshake at least this old (5 s) is closed to admit a new
    /// connection. An honest handshake takes a few round trips (well under a second, a few seconds over Tor), so one
    /// that has sat for 5 s is most likely a slowloris socket: the oldest go first, and an attacker must open more
    /// than <see cref="MaxPendingHandshakes"/> connections every 5 s to lock out a new peer.
    /// </summary>
    public static readonly TimeSpan MinEvictableHandshakeAge = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Inbound peers at most: 18,000. LDK refuses inbound peers beyond 250 channel-less ones; we are a connectivity
    /// node and aim at 20,000 peers in all. Inbound has its own cap so a flood of inbound peers can never use the room
    /// kept for the connections the operator asks for (<see cref="MaxOutboundPeers"/>).
    /// </summary>
    public const int MaxInboundPeers = 18_000;

    /// <summary>
    /// Outbound peers (connected plus attempts in flight) at most: 2,000. Outbound connections are ours (the
    /// <c>connect</c> RPC); the cap keeps a runaway script from spending the descriptors inbound peers need.
    /// </summary>
    public const int MaxOutboundPeers = 2_000;

    /// <summary>Connected peers at most: <see cref="MaxInboundPeers"/> + <see cref="MaxOutboundPeers"/> (20,000).</summary>
    public const int MaxPeers = MaxInboundPeers + MaxOutboundPeers;

    /// <summary>
    /// Inbound connections one source address may open in a burst: 20 (a token bucket's size). A peer reconnects a
    /// few times a day; 20 at once is far beyond honest use and far below what it takes to exhaust the handshake
    /// table. IPv6 sources are grouped by /64. Loopback is exempt unless configured (Tor's hidden-service traffic and
    /// local tools all arrive from 127.0.0.1).
    /// </summary>
    public const int InboundBurstPerAddress = 20;

    /// <summary>
    /// Inbound connections per second one source address earns back: 1. Each inbound connection costs us an ECDH
    /// (act one) before we know who it is; one per second per address keeps that cost small.
    /// </summary>
    public const double InboundConnectionsPerSecondPerAddress = 1;

    /// <summary>
    /// Source addresses whose rate is tracked at once: 4,096 (a few hundred KiB). When full, buckets that are full
    /// again carry no state and go first, then the least recently used: an attacker rotating through more addresses
    /// still gets one burst per address, no more.
    /// </summary>
    public const int RateLimitedAddresses = 4096;

    /// <summary>
    /// Under sustained descriptor pressure, at most one warning per 10 s (with the count of events folded into it):
    /// the log must not become the next thing to fill the disk.
    /// </summary>
    public static readonly TimeSpan ShedLogInterval = TimeSpan.FromSeconds(10);

    /// <summary>
    /// After a failed <c>accept</c> (<c>EMFILE</c>), the listener waits this long before accepting again: the shedding
    /// it triggered needs a moment to close descriptors, and retrying at once would spin on a queue it cannot serve.
    /// </summary>
    public static readonly TimeSpan AcceptBackoff = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// BOLT 8 ephemeral keys made ahead of use: 4. One per handshake that can be on a latency-critical path at once
    /// (a <c>connect</c> and an inbound handshake) with room to spare; keys are made while handshakes wait for the
    /// peer, so a burst beyond the reserve makes its keys on the spot, as without one.
    /// </summary>
    public const int EphemeralKeyReserve = 4;

    /// <summary>Listen backlog (Core Lightning uses 64; a larger one absorbs connection bursts in load tests).</summary>
    public const int ListenBacklog = 512;

    /// <summary>The longest Unix socket path Linux accepts (<c>sizeof(sun_path)</c> is 108 with the terminator).</summary>
    public const int MaxUnixSocketPathBytes = 107;

    /// <summary>
    /// Channels read from the graph per piece of a streamed <c>listchannels</c>: 128 (two directions of ~480 bytes
    /// each, ~120 KB of JSON). The graph's lock is held only to copy 128 channels' messages; the answer for mainnet
    /// (~120,000 directions, ~60 MB) is never held whole.
    /// </summary>
    public const int ListChannelsPerPiece = 128;

    /// <summary>Nodes per piece of a streamed <c>listnodes</c>: 256 (~250 bytes each, ~64 KB of JSON).</summary>
    public const int ListNodesPerPiece = 256;
}
