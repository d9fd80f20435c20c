using Peerd.Peering.Admission;

namespace Peerd.Xrpl.Overlay;

/// <summary>The overlay's numbers, each with its reason (rippled keeps its own in <c>overlay/detail/Tuning.h</c>).</summary>
public static class XrplTuning
{
    /// <summary>
    /// Messages a peer's send queue may hold before the peer is dropped: rippled's <c>dropSendQueue</c> (192). A peer
    /// that does not read its socket fills the queue; dropping it bounds our memory per peer.
    /// </summary>
    public const int SendQueueLimit = 192;

    /// <summary>Connection attempts kept for <c>connections</c>: the in-progress ones plus the most recent finished ones.</summary>
    public const int AttemptHistory = 256;

    /// <summary>Addresses kept from peers' <c>TMEndpoints</c>; the oldest are forgotten first.</summary>
    public const int EndpointCacheCapacity = 1024;

    /// <summary>
    /// Addresses one source (a peer's key, or the address that redirected us) may hold in the endpoint cache: 64, the
    /// most rippled takes from one <c>TMEndpoints</c> (it samples larger ones down, PeerFinder <c>Logic::onEndpoints</c>).
    /// A source beyond it replaces its own oldest entries, so one peer can never flush the others (and with them our
    /// 503 <c>peer-ips</c>).
    /// </summary>
    public const int EndpointCacheEntriesPerSource = 64;

    /// <summary>
    /// Connection attempts kept in progress in the <c>connections</c> log: the pending handshakes plus the outbound
    /// slots, with room to spare. Beyond it the oldest in-progress record is forgotten (the connection itself lives on).
    /// </summary>
    public const int AttemptsInProgress = MaxPendingHandshakes + 64;

    /// <summary>
    /// TLS handshakes and upgrades in flight at most, inbound and outbound. rippled has no such cap (its resource
    /// manager charges per address; <c>overlay/detail/Tuning.h</c> bounds only sessions), and a node serves 21 peers
    /// by default: 256 pending handshakes is twelve times that, and each costs at most its TLS state and one 16 KiB
    /// read buffer (a few MiB in all), where an unbounded table let 4,000 silent sockets abort the process.
    /// </summary>
    public const int MaxPendingHandshakes = 256;

    /// <summary>
    /// With the handshake table full, an inbound handshake this old is closed to admit a newcomer. A TLS handshake
    /// and upgrade take three round trips (well under a second on the internet); 5 s gives a slow peer its chance
    /// while an attacker must open 256 connections every 5 s to keep one honest peer out for that long.
    /// </summary>
    public static readonly TimeSpan MinEvictableHandshakeAge = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The peer port's admission (shared with Lightning's, <see cref="ConnectionAdmission"/>). The rate per address
    /// (a burst of 20, then one a second; 4,096 addresses tracked; loopback exempt for local tools) is the Lightning
    /// port's, for the same reasons (<c>Peerd.Lightning.Tuning</c>); there is no inbound cap at accept: a full node
    /// answers with rippled's 503 and <c>peer-ips</c> after the upgrade. Peer sockets count against the process's one
    /// <see cref="DescriptorBudget"/>, shared with the Lightning port.
    /// </summary>
    public static AdmissionLimits Admission { get; } = new()
    {
        MaxInboundPeers = null,
        MaxPendingHandshakes = MaxPendingHandshakes,
        MinEvictableHandshakeAge = MinEvictableHandshakeAge,
        InboundBurstPerAddress = 20,
        InboundConnectionsPerSecondPerAddress = 1,
        RateLimitedAddresses = 4096,
        ShedLogInterval = TimeSpan.FromSeconds(10),
        AcceptBackoff = TimeSpan.FromMilliseconds(100),
    };

    /// <summary>Addresses offered in a 503 redirect (rippled's PeerFinder sends a handful).</summary>
    public const int RedirectAddresses = 10;

    /// <summary>Largest 503 body read from a peer that refused us (its <c>peer-ips</c> list).</summary>
    public const int MaxRedirectBody = 64 * 1024;

    /// <summary>The port a <c>connect</c> uses when none is given: 2459, the IANA-assigned XRPL peer port.</summary>
    public const int DefaultConnectPort = 2459;

    /// <summary>Size of each socket read; rippled reads 16 KiB at a time (<c>readBufferBytes</c>).</summary>
    public const int ReadBufferBytes = 16 * 1024;

    /// <summary>How long a closing peer may take to flush its queue and say TLS goodbye before its socket is cut.</summary>
    public static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(2);

    /// <summary>Manifests read from one <c>TMManifests</c> (rippled sends its whole cache, a few hundred on mainnet).</summary>
    public const int MaxManifestsPerMessage = 4096;
}
