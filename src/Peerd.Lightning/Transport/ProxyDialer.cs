using System.Net;
using System.Net.Sockets;
using Peerd.Lightning.Transport.Socks5;

namespace Peerd.Lightning.Transport;

/// <summary>
/// Decides, per endpoint, whether it goes through the SOCKS5 proxy (see <see cref="Route"/>), and dials those that
/// do; everything else is delegated to the inner dialer. Through the proxy, names are sent unresolved (no local DNS
/// lookup of a target ever happens on this path), and the socket returned is already connected to the target.
/// </summary>
public sealed class ProxyDialer : IPeerDialer
{
    private readonly IPeerDialer _inner;
    private readonly ProxyOptions _options;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ProxyDialer(IPeerDialer inner, ProxyOptions options)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Proxy is { Kind: EndpointKind.TorV3 })
        {
            throw new ArgumentException("the proxy cannot be an onion service", nameof(options));
        }

        _inner = inner;
        _options = options;
    }

    /// <summary>The route <paramref name="endpoint"/> takes, in Core Lightning's order of checks.</summary>
    public ProxyRoute Route(PeerEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        bool useProxy = endpoint.Kind switch
        {
            // "Local sockets don't use tor proxy".
            EndpointKind.LocalSocket => false,
            EndpointKind.TorV3 => true,
            _ => _options.AlwaysUseProxy,
        };
        if (useProxy)
        {
            return _options.Proxy is null ? ProxyRoute.NeedProxy : ProxyRoute.Proxy;
        }

        return endpoint.Kind == EndpointKind.DnsName && _options.DisableDns ? ProxyRoute.DnsDisabled : ProxyRoute.Direct;
    }

    /// <inheritdoc />
    public Task<DialResult> DialAsync(PeerEndpoint endpoint, TimeSpan timeout, CancellationToken cancellationToken) => Route(endpoint) switch
    {
        ProxyRoute.Direct => _inner.DialAsync(endpoint, timeout, cancellationToken),
        ProxyRoute.Proxy => ViaProxyAsync(endpoint, timeout, cancellationToken),
        ProxyRoute.NeedProxy => Task.FromException<DialResult>(new DialRefusedException("need a proxy")),
        _ => Task.FromException<DialResult>(new DialRefusedException("dns disabled")),
    };

    private async Task<DialResult> ViaProxyAsync(PeerEndpoint endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var target = Socks5Target.For(endpoint);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var proxy = await ResolveProxyAsync(_options.Proxy!, deadline.Token, cancellationToken).ConfigureAwait(false);
        var socket = await SocketDialer.ConnectAsync(proxy, timeout, cancellationToken).ConfigureAwait(false);
        try
        {
            await Socks5Client.ConnectAsync(socket, target, deadline.Token).ConfigureAwait(false);
            return new DialResult(PeerStreams.Open(socket), null, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new ConnectFailedException(ConnectStage.Establishment, "Connection timed out");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>A proxy given by name is looked up when used (the proxy's own address, not a target's).</summary>
    private static async Task<PeerEndpoint> ResolveProxyAsync(PeerEndpoint proxy, CancellationToken deadline, CancellationToken cancellationToken)
    {
        if (proxy.Kind != EndpointKind.DnsName)
        {
            return proxy;
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(proxy.Host!, deadline).ConfigureAwait(false);
            return addresses.Length > 0
                ? PeerEndpoint.FromIp(addresses[0], proxy.Port)
                : throw new ConnectFailedException(ConnectStage.Establishment, $"proxy {proxy}: getaddrinfo error 'No address associated with hostname'");
        }
        catch (SocketException e)
        {
            throw new ConnectFailedException(ConnectStage.Establishment, $"proxy {proxy}: getaddrinfo error '{SocketErrors.Describe(e.SocketErrorCode)}'", e);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ConnectFailedException(ConnectStage.Establishment, "Connection timed out");
        }
    }
}
