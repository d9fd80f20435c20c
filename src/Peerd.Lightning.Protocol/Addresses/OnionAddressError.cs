namespace Peerd.Lightning.Protocol.Addresses;

/// <summary>Why text is not a valid Tor v3 <c>.onion</c> name.</summary>
public enum OnionAddressError
{
    /// <summary>Valid.</summary>
    None,

    /// <summary>Not 56 base32 characters (optionally followed by <c>.onion</c>).</summary>
    InvalidEncoding,

    /// <summary>The version byte is not 3.</summary>
    UnsupportedVersion,

    /// <summary>The two checksum bytes do not match <c>SHA3-256(".onion checksum" || pubkey || version)[:2]</c>.</summary>
    BadChecksum,
}
