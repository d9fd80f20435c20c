namespace Peerd.Lightning.Rpc.Parameters;

/// <summary>What a <c>connect</c> host turned out to be, decided without any DNS lookup.</summary>
public enum HostKind
{
    /// <summary>No host was given: the address must come from what we know about the peer.</summary>
    None,

    /// <summary>An IPv4 literal (or <c>localhost</c>, which Core Lightning maps to 127.0.0.1 without DNS).</summary>
    IPv4,

    /// <summary>An IPv6 literal (or <c>ip6-localhost</c>, mapped to ::1 without DNS).</summary>
    IPv6,

    /// <summary>A name to resolve (or to hand to a SOCKS5 proxy unresolved).</summary>
    DnsName,

    /// <summary>A path beginning with <c>/</c>: a local (AF_UNIX) socket; any port is ignored.</summary>
    LocalSocket,

    /// <summary>A Tor v3 <c>.onion</c> name: needs a proxy.</summary>
    Onion,
}
