using System.Net;
using Peerd.Lightning.Protocol.Addresses;
using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Tests.Addresses;

public class WireAddressListTests
{
    [Fact]
    public void StopsAtTheFirstUnknownType()
    {
        // ipv4 1.2.3.4:9735, unknown type 7 with arbitrary bytes, then an ipv4 that must not be read.
        Assert.True(WireAddressList.TryDecode(Hex.Decode("01010203042607" + "07aabbcc" + "01050505052607"), out var addresses));
        Assert.Equal("1.2.3.4:9735", Assert.Single(addresses).ToString());
    }

    [Fact]
    public void SkipsPortZeroEntries()
    {
        Assert.True(WireAddressList.TryDecode(Hex.Decode("01010203040000" + "01050505052607"), out var addresses));
        Assert.Equal("5.5.5.5:9735", Assert.Single(addresses).ToString());
    }

    [Fact]
    public void TruncatedKnownDescriptorFailsTheList()
    {
        Assert.False(WireAddressList.TryDecode(Hex.Decode("01010203042607" + "0201"), out var addresses));
        Assert.Empty(addresses);
    }

    [Fact]
    public void EmptyInputIsAnEmptyList()
    {
        Assert.True(WireAddressList.TryDecode([], out var addresses));
        Assert.Empty(addresses);
    }

    [Fact]
    public void RandomListsRoundTrip()
    {
        var random = new Random(11);
        for (int i = 0; i < 200; i++)
        {
            var list = Enumerable.Range(0, random.Next(5)).Select(_ => RandomAddress(random)).ToList();
            var buffer = new byte[WireAddressList.GetLength(list)];
            Assert.Equal(buffer.Length, WireAddressList.Write(list, buffer));
            Assert.True(WireAddressList.TryDecode(buffer, out var decoded));
            Assert.Equal(list, decoded);
            for (int cut = 1; cut < buffer.Length; cut++)
            {
                // Never throws on any prefix.
                WireAddressList.TryDecode(buffer.AsSpan(0, cut), out _);
            }
        }
    }

    [Fact]
    public void InAscendingOrderSortsByTypeStably()
    {
        var dns = WireAddress.FromHostname("a.example", 1);
        var v6 = WireAddress.FromIPAddress(IPAddress.IPv6Loopback, 1);
        var v4a = WireAddress.FromIPAddress(IPAddress.Parse("9.9.9.9"), 1);
        var v4b = WireAddress.FromIPAddress(IPAddress.Parse("1.1.1.1"), 1);
        Assert.Equal([v4a, v4b, v6, dns], WireAddressList.InAscendingOrder([dns, v4a, v6, v4b]));
    }

    private static WireAddress RandomAddress(Random random)
    {
        ushort port = (ushort)random.Next(1, 65536);
        switch (random.Next(4))
        {
            case 0:
                return WireAddress.Create(WireAddressType.IPv4, RandomBytes(random, 4), port);
            case 1:
                return WireAddress.Create(WireAddressType.IPv6, RandomBytes(random, 16), port);
            case 2:
                return WireAddress.FromTorV3(RandomBytes(random, 35), port);
            default:
                var chars = Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)random.Next('a', 'z' + 1)).ToArray();
                return WireAddress.FromHostname(new string(chars), port);
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
