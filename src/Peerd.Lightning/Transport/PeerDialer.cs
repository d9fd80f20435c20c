using System.Net;
using System.Net.Sockets;

namespace Peerd.Lightning.Transport;

/// <summary>Options that decide how endpoints are reached.</summary>
/// <param name="DisableDns">Never resolve names (<c>--disable-dns</c>).</param>
public sealed record DialerOptions(bool DisableDns = false);

/// <summary>Dials IP and Unix-socket endpoints directly and resolves DNS names into every address they have.</summary>
public sealed class PeerDialer(DialerOptions options) : IPeerDialer
{
    /// <inheritdoc />
    public async Task<DialResult> DialAsync(PeerEndpoint endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        switch (endpoint.Kind)
        {
            case EndpointKind.Ip:
            case EndpointKind.LocalSocket:
                return new DialResult(PeerStreams.Open(await SocketDialer.ConnectAsync(endpoint, timeout, cancellationToken).ConfigureAwait(false)), null, null);
            case EndpointKind.DnsName:
                return new DialResult(null, null, await ResolveAsync(endpoint, timeout, cancellationToken).ConfigureAwait(false));
            default:
                throw new DialRefusedException("need a proxy");
        }
    }

    private async Task<IReadOnlyList<PeerEndpoint>> ResolveAsync(PeerEndpoint endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (options.DisableDns)
        {
            throw new DialRefusedException("dns disabled");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        IPAddress[] addresses;
        try
        {
            addresses = await Dns.GetHostAddressesAsync(endpoint.Host!, deadline.Token).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            throw new DialRefusedException($"getaddrinfo error '{SocketErrors.Describe(e.SocketErrorCode)}'");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DialRefusedException("getaddrinfo error 'Timeout while contacting DNS servers'");
        }

        if (addresses.Length == 0)
        {
            throw new DialRefusedException("getaddrinfo error 'No address associated with hostname'");
        }

        return [.. addresses.Select(a => PeerEndpoint.FromIp(a, endpoint.Port))];
    }
}
