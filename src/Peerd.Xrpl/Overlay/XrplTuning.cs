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
    public const int AddressBookCapacity = 1024;

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
