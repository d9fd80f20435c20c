namespace Peerd.Lightning.Transport;

/// <summary>How <see cref="ProxyDialer"/> reaches an endpoint (Core Lightning's <c>try_connect_one_addr</c> decisions).</summary>
public enum ProxyRoute
{
    /// <summary>Handed to the inner dialer: IPs and names without <c>--always-use-proxy</c>, and Unix sockets always.</summary>
    Direct,

    /// <summary>Through the SOCKS5 proxy: onions, and with <c>--always-use-proxy</c> every IP and name.</summary>
    Proxy,

    /// <summary>The endpoint needs a proxy and none is configured: <c>&lt;addr&gt;: need a proxy</c>.</summary>
    NeedProxy,

    /// <summary>A name that must not be resolved locally and is not going to the proxy: <c>&lt;addr&gt;: dns disabled</c>.</summary>
    DnsDisabled,
}
