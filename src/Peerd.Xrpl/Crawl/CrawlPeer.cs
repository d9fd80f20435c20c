using System.Net;
using Peerd.Xrpl.Overlay;
using Peerd.Xrpl.Protocol.Identity;

namespace Peerd.Xrpl.Crawl;

/// <summary>What <c>/crawl</c> may say about one active peer, taken from the overlay at the moment of the request.</summary>
/// <param name="PublicKey">The peer's node public key.</param>
/// <param name="Inbound">True when the peer dialled us (<c>"type":"in"</c>).</param>
/// <param name="Uptime">How long the peer session has been up.</param>
/// <param name="CrawlPublic">True when the peer's handshake said <c>Crawl: public</c>: only then are its address and port listed.</param>
/// <param name="RemoteEndPoint">The socket's remote end: for an outbound peer, the port it listens on; for an inbound one, an ephemeral port.</param>
/// <param name="Version">The peer's <c>User-Agent</c> (inbound) or <c>Server</c> (outbound) header, if any.</param>
public sealed record CrawlPeer(NodePublicKey PublicKey, bool Inbound, TimeSpan Uptime, bool CrawlPublic, IPEndPoint RemoteEndPoint, string? Version)
{
    /// <summary>Takes a connected peer's crawl fields, its uptime measured on <paramref name="time"/>.</summary>
    public static CrawlPeer From(XrplPeer peer, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(time);
        return new CrawlPeer(peer.PublicKey, peer.Inbound, time.GetElapsedTime(peer.ConnectedTimestamp), peer.CrawlPublic, peer.RemoteEndPoint, peer.Version);
    }
}
