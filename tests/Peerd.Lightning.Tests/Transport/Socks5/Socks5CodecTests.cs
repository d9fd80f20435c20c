using System.Buffers;
using System.Net;
using Peerd.Lightning.Transport.Socks5;
using Peerd.Primitives;

namespace Peerd.Lightning.Tests.Transport.Socks5;

public class Socks5CodecTests
{
    [Fact]
    public void TheGreetingOffersOnlyNoAuthentication() => Assert.Equal("050100", Hex.Encode(Socks5Codec.Greeting));

    [Theory]
    [InlineData("0500", Socks5Error.None)]
    [InlineData("05ff", Socks5Error.NoAcceptableMethods)]
    [InlineData("0502", Socks5Error.UnexpectedMethod)]
    [InlineData("0400", Socks5Error.UnexpectedMethod)]
    [InlineData("4854", Socks5Error.UnexpectedMethod)] // "HT": an HTTP proxy
    public void TheMethodReplyIsChecked(string hex, Socks5Error expected) =>
        Assert.Equal(expected, Socks5Codec.CheckMethodReply(Hex.Decode(hex)));

    [Fact]
    public void ANameIsSentAsADomainForTheProxyToResolve()
    {
        var request = new byte[Socks5Codec.MaxMessageLength];
        int length = Socks5Codec.WriteConnect(Socks5Target.ForName("localhost", 9735), request);
        Assert.Equal("05010003" + "09" + Hex.Encode("localhost"u8) + "2607", Hex.Encode(request.AsSpan(0, length)));
    }

    [Fact]
    public void IPLiteralsAreSentInTheirOwnAddressTypes()
    {
        var request = new byte[Socks5Codec.MaxMessageLength];
        int length = Socks5Codec.WriteConnect(Socks5Target.ForAddress(IPAddress.Parse("127.0.0.1"), 19846), request);
        Assert.Equal("05010001" + "7f000001" + "4d86", Hex.Encode(request.AsSpan(0, length)));
        length = Socks5Codec.WriteConnect(Socks5Target.ForAddress(IPAddress.IPv6Loopback, 1), request);
        Assert.Equal("05010004" + "00000000000000000000000000000001" + "0001", Hex.Encode(request.AsSpan(0, length)));
    }

    [Fact]
    public void AnOnionIsADomainName()
    {
        var onion = new string('a', 56) + ".onion";
        var request = new byte[Socks5Codec.MaxMessageLength];
        int length = Socks5Codec.WriteConnect(Socks5Target.ForName(onion, 9735), request);
        Assert.Equal(4 + 1 + 62 + 2, length);
        Assert.Equal(Socks5Codec.AddressTypeDomainName, request[3]);
        Assert.Equal(62, request[4]);
    }

    [Fact]
    public void NamesOver255BytesDoNotFit()
    {
        var request = new byte[Socks5Codec.MaxMessageLength];
        Assert.Equal(Socks5Codec.MaxMessageLength, Socks5Codec.WriteConnect(Socks5Target.ForName(new string('a', 255), 1), request));
        Assert.Equal(-1, Socks5Codec.WriteConnect(Socks5Target.ForName(new string('a', 256), 1), request));
        Assert.Equal(-1, Socks5Codec.GetConnectLength(Socks5Target.ForName(new string('a', 256), 1)));
    }

    [Theory]
    [InlineData("050000017f0000012607", "127.0.0.1", 9735)]
    [InlineData("0500000400000000000000000000000000000001abcd", "::1", 0xabcd)]
    [InlineData("05000003" + "0570726f7879" + "0050", "proxy", 80)]
    [InlineData("05000003" + "00" + "0050", "", 80)]
    public void ASuccessReplyIsReadToItsEnd(string hex, string bound, int port)
    {
        var bytes = Hex.Decode(hex);
        Assert.Equal(OperationStatus.Done, Socks5Codec.TryReadReply(bytes, out var reply, out int needed));
        Assert.True(reply.Succeeded);
        Assert.Equal(bound, reply.BoundAddress);
        Assert.Equal(port, reply.BoundPort);
        Assert.Equal(bytes.Length, reply.Length);
        Assert.Equal(bytes.Length, needed);

        // Every strict prefix asks for more, never for more than the reply holds.
        for (int i = 0; i < bytes.Length; i++)
        {
            Assert.Equal(OperationStatus.NeedMoreData, Socks5Codec.TryReadReply(bytes.AsSpan(0, i), out _, out needed));
            Assert.InRange(needed, i + 1, bytes.Length);
        }

        // Bytes after the reply belong to the target and are not counted.
        Assert.Equal(OperationStatus.Done, Socks5Codec.TryReadReply([.. bytes, 0x00, 0x32], out reply, out _));
        Assert.Equal(bytes.Length, reply.Length);
    }

    [Theory]
    [InlineData(1, "general SOCKS server failure")]
    [InlineData(2, "connection not allowed by ruleset")]
    [InlineData(3, "network unreachable")]
    [InlineData(4, "host unreachable")]
    [InlineData(5, "connection refused")]
    [InlineData(6, "TTL expired")]
    [InlineData(7, "command not supported")]
    [InlineData(8, "address type not supported")]
    [InlineData(9, "unknown error: 9")]
    [InlineData(255, "unknown error: 255")]
    public void EveryRefusalIsReportedFromItsFirstTwoBytes(byte code, string text)
    {
        Assert.Equal(OperationStatus.Done, Socks5Codec.TryReadReply([5, code], out var reply, out _));
        Assert.Equal(Socks5Error.Refused, reply.Error);
        Assert.Equal(code, reply.Code);
        Assert.Equal(text, Socks5ReplyCode.Describe(code));
        Assert.Equal(OperationStatus.Done, Socks5Codec.TryReadReply([5, code, 0, 1, 0, 0, 0, 0, 0, 0], out reply, out _));
        Assert.Equal(Socks5Error.Refused, reply.Error);
    }

    [Fact]
    public void ABadVersionOrAddressTypeIsInvalid()
    {
        Assert.Equal(OperationStatus.InvalidData, Socks5Codec.TryReadReply([4, 0x5a], out var reply, out _));
        Assert.Equal(Socks5Error.BadVersion, reply.Error);
        Assert.Equal(4, reply.Code);
        Assert.Equal(OperationStatus.InvalidData, Socks5Codec.TryReadReply([5, 0, 0, 2, 0], out reply, out _));
        Assert.Equal(Socks5Error.UnknownAddressType, reply.Error);
        Assert.Equal(2, reply.Code);
    }
}
