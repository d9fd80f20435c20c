using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Peerd.Lightning.Protocol.Addresses;

/// <summary>
/// One BOLT #7 <c>address descriptor</c> (also <c>init</c>'s <c>remote_addr</c>): a type, its address bytes and a
/// port. Immutable. Text forms follow Core Lightning's <c>fmt_wireaddr</c> (<see cref="ToString"/>) and
/// <c>json_add_address</c> (<see cref="JsonTypeName"/>, <see cref="Host"/>).
/// </summary>
public sealed class WireAddress : IEquatable<WireAddress>
{
    /// <summary>IPv4 address bytes.</summary>
    public const int IPv4Length = 4;

    /// <summary>IPv6 address bytes.</summary>
    public const int IPv6Length = 16;

    /// <summary>Tor v2 address bytes: the descriptor's 12 bytes less the 2-byte port.</summary>
    public const int TorV2Length = 12 - 2;

    /// <summary>Tor v3 address bytes.</summary>
    public const int TorV3Length = OnionV3.AddressLength;

    /// <summary>The longest DNS hostname a u8 length allows.</summary>
    public const int MaxHostnameLength = byte.MaxValue;

    /// <summary>The longest descriptor: type 1 + length 1 + hostname 255 + port 2.</summary>
    public const int MaxEncodedLength = 1 + 1 + MaxHostnameLength + 2;

    private readonly byte[] _address;

    private WireAddress(WireAddressType type, byte[] address, ushort port)
    {
        Type = type;
        _address = address;
        Port = port;
    }

    /// <summary>The descriptor type.</summary>
    public WireAddressType Type { get; }

    /// <summary>The address bytes (for DNS, the hostname's ASCII bytes).</summary>
    public ReadOnlySpan<byte> Address => _address;

    /// <summary>The TCP port.</summary>
    public ushort Port { get; }

    /// <summary>True for Tor v2, which BOLT #7 deprecates ("SHOULD ignore Tor v2 onion services").</summary>
    public bool IsDeprecated => Type == WireAddressType.TorV2;

    /// <summary>Core Lightning's JSON <c>type</c>: <c>ipv4</c>, <c>ipv6</c>, <c>torv2</c>, <c>torv3</c> or <c>dns</c>.</summary>
    public string JsonTypeName => Type switch
    {
        WireAddressType.IPv4 => "ipv4",
        WireAddressType.IPv6 => "ipv6",
        WireAddressType.TorV2 => "torv2",
        WireAddressType.TorV3 => "torv3",
        _ => "dns",
    };

    /// <summary>
    /// The address without port, as Core Lightning's JSON <c>address</c> field shows it: <c>1.2.3.4</c>, <c>::1</c>
    /// (no brackets), <c>&lt;base32&gt;.onion</c>, or the hostname.
    /// </summary>
    public string Host => Type switch
    {
        WireAddressType.IPv4 or WireAddressType.IPv6 => new IPAddress(_address).ToString(),
        WireAddressType.TorV2 or WireAddressType.TorV3 => OnionV3.FormatAnyLength(_address),
        _ => Encoding.ASCII.GetString(_address),
    };

    /// <summary>The encoded descriptor length (type byte included).</summary>
    public int EncodedLength => 1 + (Type == WireAddressType.Dns ? 1 : 0) + _address.Length + 2;

    /// <summary>An IPv4 or IPv6 descriptor.</summary>
    public static WireAddress FromIPAddress(IPAddress address, ushort port)
    {
        ArgumentNullException.ThrowIfNull(address);
        var type = address.AddressFamily switch
        {
            AddressFamily.InterNetwork => WireAddressType.IPv4,
            AddressFamily.InterNetworkV6 => WireAddressType.IPv6,
            _ => throw new ArgumentException("not an IP address", nameof(address)),
        };
        return new(type, address.GetAddressBytes(), port);
    }

    /// <summary>A Tor v3 descriptor from the 35 address bytes.</summary>
    public static WireAddress FromTorV3(ReadOnlySpan<byte> address, ushort port) =>
        Create(WireAddressType.TorV3, address, port);

    /// <summary>
    /// A Tor v3 descriptor from <c>&lt;56 base32 chars&gt;.onion</c>, validating version and checksum
    /// (see <see cref="OnionV3.TryParse"/>).
    /// </summary>
    public static OnionAddressError TryParseOnion(ReadOnlySpan<char> name, ushort port, out WireAddress? address)
    {
        address = null;
        var bytes = new byte[OnionV3.AddressLength];
        var error = OnionV3.TryParse(name, bytes);
        if (error == OnionAddressError.None)
        {
            address = new(WireAddressType.TorV3, bytes, port);
        }

        return error;
    }

    /// <summary>
    /// A DNS descriptor. Throws <see cref="ArgumentException"/> unless the hostname is 1-255 ASCII characters
    /// ("Non-ASCII characters MUST be encoded using Punycode").
    /// </summary>
    public static WireAddress FromHostname(string hostname, ushort port)
    {
        ArgumentNullException.ThrowIfNull(hostname);
        if (hostname.Length is 0 or > MaxHostnameLength || !Ascii.IsValid(hostname))
        {
            throw new ArgumentException("a DNS descriptor holds 1-255 ASCII characters", nameof(hostname));
        }

        return new(WireAddressType.Dns, Encoding.ASCII.GetBytes(hostname), port);
    }

    /// <summary>
    /// A descriptor from its parts; throws <see cref="ArgumentException"/> when the address length does not fit the
    /// type.
    /// </summary>
    public static WireAddress Create(WireAddressType type, ReadOnlySpan<byte> address, ushort port)
    {
        int? expected = FixedAddressLength(type);
        bool valid = expected is { } length ? address.Length == length
            : type == WireAddressType.Dns && address.Length <= MaxHostnameLength;
        if (!valid)
        {
            throw new ArgumentException($"{address.Length} bytes do not make a type {(int)type} address", nameof(address));
        }

        return new(type, address.ToArray(), port);
    }

    /// <summary>
    /// Reads one descriptor from the start of <paramref name="source"/>. On <see cref="WireAddressReadStatus.Ok"/> and
    /// <see cref="WireAddressReadStatus.PortZero"/>, <paramref name="address"/> and <paramref name="bytesRead"/> are
    /// set; otherwise they are null and 0. Never throws.
    /// </summary>
    public static WireAddressReadStatus TryRead(ReadOnlySpan<byte> source, out WireAddress? address, out int bytesRead)
    {
        address = null;
        bytesRead = 0;
        if (source.IsEmpty)
        {
            return WireAddressReadStatus.Truncated;
        }

        var type = (WireAddressType)source[0];
        int offset = 1;
        int addressLength;
        if (FixedAddressLength(type) is { } fixedLength)
        {
            addressLength = fixedLength;
        }
        else if (type == WireAddressType.Dns)
        {
            if (source.Length < 2)
            {
                return WireAddressReadStatus.Truncated;
            }

            addressLength = source[1];
            offset = 2;
        }
        else
        {
            return WireAddressReadStatus.UnknownType;
        }

        int total = offset + addressLength + 2;
        if (source.Length < total)
        {
            return WireAddressReadStatus.Truncated;
        }

        ushort port = BinaryPrimitives.ReadUInt16BigEndian(source[(offset + addressLength)..]);
        address = new(type, source.Slice(offset, addressLength).ToArray(), port);
        bytesRead = total;
        return port == 0 ? WireAddressReadStatus.PortZero : WireAddressReadStatus.Ok;
    }

    /// <summary>Writes the descriptor; returns <see cref="EncodedLength"/>.</summary>
    public int WriteTo(Span<byte> destination)
    {
        int length = EncodedLength;
        if (destination.Length < length)
        {
            throw new ArgumentException("destination too short for the address descriptor", nameof(destination));
        }

        destination[0] = (byte)Type;
        int offset = 1;
        if (Type == WireAddressType.Dns)
        {
            destination[offset++] = (byte)_address.Length;
        }

        _address.CopyTo(destination[offset..]);
        BinaryPrimitives.WriteUInt16BigEndian(destination[(offset + _address.Length)..], Port);
        return length;
    }

    /// <summary>The address as an <see cref="IPAddress"/>, for IPv4 and IPv6 descriptors; otherwise null.</summary>
    public IPAddress? ToIPAddress() => Type is WireAddressType.IPv4 or WireAddressType.IPv6 ? new IPAddress(_address) : null;

    /// <summary>
    /// Core Lightning's <c>fmt_wireaddr</c>: <c>1.2.3.4:9735</c>, <c>[::1]:9735</c>, <c>&lt;base32&gt;.onion:9735</c>,
    /// <c>host:9735</c>.
    /// </summary>
    public override string ToString() => Type == WireAddressType.IPv6 ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    /// <inheritdoc />
    public bool Equals(WireAddress? other) =>
        other is not null && Type == other.Type && Port == other.Port && _address.AsSpan().SequenceEqual(other._address);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as WireAddress);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Type);
        hash.Add(Port);
        hash.AddBytes(_address);
        return hash.ToHashCode();
    }

    private static int? FixedAddressLength(WireAddressType type) => type switch
    {
        WireAddressType.IPv4 => IPv4Length,
        WireAddressType.IPv6 => IPv6Length,
        WireAddressType.TorV2 => TorV2Length,
        WireAddressType.TorV3 => TorV3Length,
        _ => null,
    };
}
