using System.Net;
using Peerd.Lightning.Protocol.Addresses;
using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Tests.Addresses;

public class WireAddressTests
{
    private const string DuckDuckGo = "duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion";

    [Theory]
    [InlineData("01010203042607", "ipv4", "1.2.3.4", "1.2.3.4:9735")]
    [InlineData("027f0000010000000000000000000000012607", "ipv6", "7f00:1::1", "[7f00:1::1]:9735")]
    [InlineData("02000000000000000000000000000000012607", "ipv6", "::1", "[::1]:9735")]
    [InlineData("030102030405060708090a2607", "torv2", "aebagbafaydqqcik.onion", "aebagbafaydqqcik.onion:9735")]
    [InlineData("050b6578616d706c652e636f6d2607", "dns", "example.com", "example.com:9735")]
    public void DecodesAndFormatsLikeCoreLightning(string hex, string jsonType, string host, string text)
    {
        var bytes = Hex.Decode(hex);
        Assert.Equal(WireAddressReadStatus.Ok, WireAddress.TryRead(bytes, out var address, out int read));
        Assert.Equal(bytes.Length, read);
        Assert.Equal(jsonType, address!.JsonTypeName);
        Assert.Equal(host, address.Host);
        Assert.Equal(text, address.ToString());
        Assert.Equal(9735, address.Port);

        var encoded = new byte[address.EncodedLength];
        Assert.Equal(bytes.Length, address.WriteTo(encoded));
        Assert.Equal(hex, Hex.Encode(encoded));
    }

    [Fact]
    public void TorV3RendersAsItsOnionName()
    {
        Assert.Equal(OnionAddressError.None, WireAddress.TryParseOnion(DuckDuckGo, 9735, out var address));
        Assert.Equal(WireAddressType.TorV3, address!.Type);
        Assert.Equal("torv3", address.JsonTypeName);
        Assert.Equal(DuckDuckGo + ":9735", address.ToString());
        Assert.Equal(1 + 35 + 2, address.EncodedLength);
        Assert.False(address.IsDeprecated);

        var encoded = new byte[address.EncodedLength];
        address.WriteTo(encoded);
        Assert.Equal(WireAddressReadStatus.Ok, WireAddress.TryRead(encoded, out var decoded, out _));
        Assert.Equal(address, decoded);
    }

    [Fact]
    public void TorV2IsParsedButFlaggedDeprecated()
    {
        Assert.Equal(WireAddressReadStatus.Ok, WireAddress.TryRead(Hex.Decode("030102030405060708090a2607"), out var address, out _));
        Assert.True(address!.IsDeprecated);
    }

    [Theory]
    [InlineData("")]
    [InlineData("01")]
    [InlineData("0101020304")]
    [InlineData("010102030426")]
    [InlineData("05")]
    [InlineData("050b6578616d706c652e636f6d26")]
    [InlineData("04000000")]
    public void TruncatedDescriptorsReportTruncatedWithoutThrowing(string hex)
    {
        Assert.Equal(WireAddressReadStatus.Truncated, WireAddress.TryRead(Hex.Decode(hex), out var address, out int read));
        Assert.Null(address);
        Assert.Equal(0, read);
    }

    [Theory]
    [InlineData("00")]
    [InlineData("06010203")]
    [InlineData("ff")]
    public void UnknownTypesAreReportedSoReadingStops(string hex)
    {
        Assert.Equal(WireAddressReadStatus.UnknownType, WireAddress.TryRead(Hex.Decode(hex), out _, out _));
    }

    [Fact]
    public void PortZeroIsReportedSeparately()
    {
        Assert.Equal(WireAddressReadStatus.PortZero, WireAddress.TryRead(Hex.Decode("01010203040000"), out var address, out int read));
        Assert.Equal(7, read);
        Assert.Equal(0, address!.Port);
    }

    [Fact]
    public void FromIPAddressPicksTheType()
    {
        Assert.Equal(WireAddressType.IPv4, WireAddress.FromIPAddress(IPAddress.Loopback, 1).Type);
        Assert.Equal(WireAddressType.IPv6, WireAddress.FromIPAddress(IPAddress.IPv6Loopback, 1).Type);
        Assert.Equal(IPAddress.Loopback, WireAddress.FromIPAddress(IPAddress.Loopback, 1).ToIPAddress());
        Assert.Null(WireAddress.FromHostname("a.b", 1).ToIPAddress());
    }

    [Theory]
    [InlineData("")]
    [InlineData("bücher.example")]
    public void HostnamesMustBeNonEmptyAscii(string hostname)
    {
        Assert.Throws<ArgumentException>(() => WireAddress.FromHostname(hostname, 9735));
    }

    [Fact]
    public void HostnamesLongerThan255AreRefused()
    {
        Assert.Throws<ArgumentException>(() => WireAddress.FromHostname(new string('a', 256), 9735));
        Assert.Equal(WireAddress.MaxEncodedLength, WireAddress.FromHostname(new string('a', 255), 9735).EncodedLength);
    }

    [Fact]
    public void CreateChecksTheLengthForTheType()
    {
        Assert.Throws<ArgumentException>(() => WireAddress.Create(WireAddressType.IPv4, new byte[5], 1));
        Assert.Throws<ArgumentException>(() => WireAddress.Create((WireAddressType)9, new byte[5], 1));
        Assert.Equal(WireAddressType.TorV3, WireAddress.FromTorV3(new byte[35], 1).Type);
    }

    [Fact]
    public void EqualityIsByTypeBytesAndPort()
    {
        var a = WireAddress.FromIPAddress(IPAddress.Parse("10.0.0.1"), 9735);
        Assert.Equal(a, WireAddress.FromIPAddress(IPAddress.Parse("10.0.0.1"), 9735));
        Assert.Equal(a.GetHashCode(), WireAddress.FromIPAddress(IPAddress.Parse("10.0.0.1"), 9735).GetHashCode());
        Assert.NotEqual(a, WireAddress.FromIPAddress(IPAddress.Parse("10.0.0.1"), 9736));
    }
}
