namespace Peerd.Lightning.Transport.Socks5;

/// <summary>What went wrong in a SOCKS5 exchange.</summary>
public enum Socks5Error
{
    /// <summary>Nothing.</summary>
    None,

    /// <summary>The proxy accepts none of our methods (<c>X'FF'</c>): it wants authentication.</summary>
    NoAcceptableMethods,

    /// <summary>The method reply chose a method we did not offer, or is not SOCKS5 at all.</summary>
    UnexpectedMethod,

    /// <summary>The CONNECT reply does not start with version 5.</summary>
    BadVersion,

    /// <summary>The proxy refused the CONNECT (<c>REP</c> ≠ 0).</summary>
    Refused,

    /// <summary>The CONNECT reply has an address type RFC 1928 does not define.</summary>
    UnknownAddressType,

    /// <summary>The target name is longer than the 255 bytes a request can carry.</summary>
    NameTooLong,
}
