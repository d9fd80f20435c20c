using System.Buffers.Binary;
using System.Net;
using System.Text;
using Peerd.Crypto;
using Peerd.Lightning.Node;
using Peerd.Lightning.Transport;

namespace Peerd.Lightning.Gossip;

/// <summary>The kinds of record in the address book's log (the first byte of each body).</summary>
internal enum AddressBookRecordKind : byte
{
    /// <summary>A verified <c>node_announcement</c>: the whole message, type included.</summary>
    Announcement = 1,

    /// <summary>We connected to a node at an address: <c>[33 node_id] [u64 unix ms] [endpoint]</c>.</summary>
    Connected = 2,

    /// <summary>A node was evicted: <c>[33 node_id]</c>.</summary>
    Forget = 3,
}

/// <summary>
/// Encodes and decodes record bodies. Endpoints are <c>[u8 kind]</c> then, for IP, <c>[u8 4|16] [address] [u16 port]</c>;
/// for DNS names and onions, <c>[u8 length] [ASCII name] [u16 port]</c>; for Unix sockets, <c>[u16 length] [UTF-8 path]</c>.
/// Decoding never throws: a body that does not parse is skipped (its checksum was good, so a newer version wrote it).
/// </summary>
internal static class AddressBookRecord
{
    public static byte[] Announcement(ReadOnlySpan<byte> message)
    {
        var body = new byte[1 + message.Length];
        body[0] = (byte)AddressBookRecordKind.Announcement;
        message.CopyTo(body.AsSpan(1));
        return body;
    }

    public static byte[] Connected(NodeId node, DateTimeOffset at, PeerEndpoint endpoint)
    {
        var encoded = EncodeEndpoint(endpoint);
        var body = new byte[1 + Secp256k1.PublicKeyLength + 8 + encoded.Length];
        body[0] = (byte)AddressBookRecordKind.Connected;
        node.Bytes.CopyTo(body.AsSpan(1));
        BinaryPrimitives.WriteInt64BigEndian(body.AsSpan(1 + Secp256k1.PublicKeyLength), at.ToUnixTimeMilliseconds());
        encoded.CopyTo(body.AsSpan(1 + Secp256k1.PublicKeyLength + 8));
        return body;
    }

    public static byte[] Forget(NodeId node)
    {
        var body = new byte[1 + Secp256k1.PublicKeyLength];
        body[0] = (byte)AddressBookRecordKind.Forget;
        node.Bytes.CopyTo(body.AsSpan(1));
        return body;
    }

    public static bool TryReadNode(ReadOnlySpan<byte> payload, out NodeId node)
    {
        node = default;
        if (payload.Length < Secp256k1.PublicKeyLength || !Secp256k1.IsValidPublicKey(payload[..Secp256k1.PublicKeyLength]))
        {
            return false;
        }

        node = NodeId.FromBytes(payload[..Secp256k1.PublicKeyLength]);
        return true;
    }

    public static bool TryReadConnected(ReadOnlySpan<byte> payload, out NodeId node, out DateTimeOffset at, out PeerEndpoint? endpoint)
    {
        at = default;
        endpoint = null;
        if (!TryReadNode(payload, out node) || payload.Length < Secp256k1.PublicKeyLength + 8)
        {
            return false;
        }

        long ms = BinaryPrimitives.ReadInt64BigEndian(payload[Secp256k1.PublicKeyLength..]);
        if (ms < 0 || ms > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return false;
        }

        at = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return TryDecodeEndpoint(payload[(Secp256k1.PublicKeyLength + 8)..], out endpoint);
    }

    public static byte[] EncodeEndpoint(PeerEndpoint endpoint)
    {
        switch (endpoint.Kind)
        {
            case EndpointKind.Ip:
            {
                var address = endpoint.Ip!.GetAddressBytes();
                var bytes = new byte[1 + 1 + address.Length + 2];
                bytes[0] = (byte)endpoint.Kind;
                bytes[1] = (byte)address.Length;
                address.CopyTo(bytes, 2);
                BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2 + address.Length), (ushort)endpoint.Port);
                return bytes;
            }

            case EndpointKind.LocalSocket:
            {
                var path = Encoding.UTF8.GetBytes(endpoint.Path!);
                var bytes = new byte[1 + 2 + path.Length];
                bytes[0] = (byte)endpoint.Kind;
                BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(1), (ushort)path.Length);
                path.CopyTo(bytes, 3);
                return bytes;
            }

            default:
            {
                var host = Encoding.UTF8.GetBytes(endpoint.Host!);
                if (host.Length > byte.MaxValue)
                {
                    throw new ArgumentException("a host name is at most 255 bytes", nameof(endpoint));
                }

                var bytes = new byte[1 + 1 + host.Length + 2];
                bytes[0] = (byte)endpoint.Kind;
                bytes[1] = (byte)host.Length;
                host.CopyTo(bytes, 2);
                BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2 + host.Length), (ushort)endpoint.Port);
                return bytes;
            }
        }
    }

    public static bool TryDecodeEndpoint(ReadOnlySpan<byte> bytes, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PeerEndpoint? endpoint)
    {
        endpoint = null;
        if (bytes.Length < 2)
        {
            return false;
        }

        var kind = (EndpointKind)bytes[0];
        switch (kind)
        {
            case EndpointKind.Ip when bytes[1] is 4 or 16 && bytes.Length == 2 + bytes[1] + 2:
                endpoint = PeerEndpoint.FromIp(new IPAddress(bytes.Slice(2, bytes[1])), BinaryPrimitives.ReadUInt16BigEndian(bytes[(2 + bytes[1])..]));
                return true;
            case EndpointKind.LocalSocket when bytes.Length >= 3 && bytes.Length == 3 + BinaryPrimitives.ReadUInt16BigEndian(bytes[1..]):
                endpoint = PeerEndpoint.LocalSocket(Encoding.UTF8.GetString(bytes[3..]));
                return true;
            case EndpointKind.DnsName or EndpointKind.TorV3 when bytes[1] > 0 && bytes.Length == 2 + bytes[1] + 2:
                string host = Encoding.UTF8.GetString(bytes.Slice(2, bytes[1]));
                int port = BinaryPrimitives.ReadUInt16BigEndian(bytes[(2 + bytes[1])..]);
                endpoint = kind == EndpointKind.DnsName ? PeerEndpoint.DnsName(host, port) : PeerEndpoint.TorV3(host, port);
                return true;
            default:
                return false;
        }
    }
}
