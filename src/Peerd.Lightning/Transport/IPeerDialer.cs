namespace Peerd.Lightning.Transport;

/// <summary>What a dial produced: a connected stream, or the addresses a name expanded to (tried later).</summary>
/// <param name="Stream">The connected stream (owning its socket; see <see cref="PeerStreams.Open"/>).</param>
/// <param name="Remote">The address actually reached (a resolved IP), if different from the one dialled.</param>
/// <param name="Expanded">Addresses to append to the attempt instead (a DNS name's results).</param>
public sealed record DialResult(Stream? Stream, PeerEndpoint? Remote, IReadOnlyList<PeerEndpoint>? Expanded);

/// <summary>Opens connections to peer endpoints: directly, after a DNS lookup, or through a SOCKS5 proxy.</summary>
public interface IPeerDialer
{
    /// <summary>Dials <paramref name="endpoint"/>; failures throw <see cref="ConnectFailedException"/> or <see cref="DialRefusedException"/>.</summary>
    Task<DialResult> DialAsync(PeerEndpoint endpoint, TimeSpan timeout, CancellationToken cancellationToken);
}

/// <summary>An address that cannot be tried at all (<c>need a proxy</c>, <c>dns disabled</c>); reported without a stage.</summary>
public sealed class DialRefusedException(string message) : Exception(message);
