namespace Peerd.Lightning.Protocol.Addresses;

/// <summary>
/// A run of address descriptors, as in <c>node_announcement</c>'s <c>addresses</c>, read like Core Lightning's
/// <c>fromwire_wireaddr_array</c>: stop at the first unknown type, skip descriptors with port 0, fail when a known
/// descriptor is cut short ("if <c>addrlen</c> is insufficient to hold the address descriptors of the known types").
/// </summary>
public static class WireAddressList
{
    /// <summary>
    /// Decodes <paramref name="source"/>; false (with an empty list) when a known descriptor is truncated. Tor v2
    /// entries are kept, flagged by <see cref="WireAddress.IsDeprecated"/>. Never throws.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> source, out IReadOnlyList<WireAddress> addresses)
    {
        var list = new List<WireAddress>();
        addresses = [];
        while (!source.IsEmpty)
        {
            var status = WireAddress.TryRead(source, out var address, out int read);
            switch (status)
            {
                case WireAddressReadStatus.Ok:
                    list.Add(address!);
                    break;
                case WireAddressReadStatus.PortZero:
                    break;
                case WireAddressReadStatus.UnknownType:
                    addresses = list;
                    return true;
                default:
                    return false;
            }

            source = source[read..];
        }

        addresses = list;
        return true;
    }

    /// <summary>The encoded length of <paramref name="addresses"/>.</summary>
    public static int GetLength(IEnumerable<WireAddress> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        return addresses.Sum(a => a.EncodedLength);
    }

    /// <summary>Writes the descriptors in the order given; returns the bytes written.</summary>
    public static int Write(IEnumerable<WireAddress> addresses, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        int written = 0;
        foreach (var address in addresses)
        {
            written += address.WriteTo(destination[written..]);
        }

        return written;
    }

    /// <summary>
    /// Orders descriptors as a BOLT #7 writer must ("MUST place address descriptors in ascending order", by type),
    /// keeping the given order within a type.
    /// </summary>
    public static IReadOnlyList<WireAddress> InAscendingOrder(IEnumerable<WireAddress> addresses) =>
        addresses.OrderBy(a => a.Type).ToList();
}
