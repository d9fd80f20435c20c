namespace Peerd.Lightning.Protocol.Addresses;

/// <summary>BOLT #7 <c>address descriptor</c> types (the first byte of each descriptor).</summary>
public enum WireAddressType : byte
{
    /// <summary><c>1</c>: ipv4; data = <c>[4:ipv4_addr][2:port]</c>.</summary>
    IPv4 = 1,

    /// <summary><c>2</c>: ipv6; data = <c>[16:ipv6_addr][2:port]</c>.</summary>
    IPv6 = 2,

    /// <summary><c>3</c>: "Deprecated (length 12). Used to contain Tor v2 onion services."</summary>
    TorV2 = 3,

    /// <summary><c>4</c>: Tor v3 onion service; data = <c>[35:onion_addr][2:port]</c>.</summary>
    TorV3 = 4,

    /// <summary><c>5</c>: DNS hostname; data = <c>[1:hostname_len][hostname_len:hostname][2:port]</c>.</summary>
    Dns = 5,
}
