using System.Net;
using Peerd.Crypto;
using Peerd.Lightning.Node;
using Peerd.Lightning.Protocol.Addresses;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;

namespace Peerd.Lightning.Tests.Gossip;

/// <summary>Signed node_announcements for tests, from deterministic keys.</summary>
internal static class Announcements
{
    public static StaticKey Key(int n)
    {
        var secret = new byte[32];
        secret[0] = 0x42;
        secret[31] = (byte)n;
        secret[30] = (byte)(n >> 8);
        return new StaticKey(secret);
    }

    public static NodeId Id(int n) => NodeId.FromBytes(Key(n).PublicKey);

    public static WireAddress IPv4(string address, ushort port = 9735) => WireAddress.FromIPAddress(IPAddress.Parse(address), port);

    public static WireAddress IPv6(string address, ushort port = 9735) => WireAddress.FromIPAddress(IPAddress.Parse(address), port);

    public static WireAddress Dns(string name, ushort port = 9735) => WireAddress.FromHostname(name, port);

    public static WireAddress Onion(ushort port = 9735) => WireAddress.FromTorV3(Enumerable.Range(0, 35).Select(i => (byte)(i == 34 ? 3 : i)).ToArray(), port);

    public static NodeAnnouncement Sign(int n, uint timestamp, params WireAddress[] addresses) =>
        Sign(n, timestamp, OurFeatures.Node, addresses);

    public static NodeAnnouncement Sign(int n, uint timestamp, FeatureBits features, params WireAddress[] addresses) =>
        NodeAnnouncement.Sign(Key(n), features, timestamp, [0x01, 0x02, (byte)n], $"node-{n}", addresses);

    public static byte[] Bytes(int n, uint timestamp, params WireAddress[] addresses) => Sign(n, timestamp, addresses).ToArray();

    /// <summary>An announcement of node <paramref name="n"/> whose <c>node_ann_tlvs</c> are <paramref name="extension"/>.</summary>
    public static NodeAnnouncement SignWithTlvs(int n, uint timestamp, ReadOnlySpan<byte> extension, params WireAddress[] addresses) =>
        NodeAnnouncement.Sign(Key(n), OurFeatures.Node, timestamp, [0x01, 0x02, (byte)n], $"node-{n}", addresses, extension);

    /// <summary>A correctly framed announcement whose signature no longer matches (one address byte changed).</summary>
    public static byte[] Forged(int n, uint timestamp)
    {
        var bytes = Bytes(n, timestamp, IPv4("203.0.113.1"));
        bytes[^3] ^= 0x01;
        return bytes;
    }
}
