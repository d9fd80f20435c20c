using Peerd.Lightning.Protocol.Addresses;
using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Tests.Addresses;

public class OnionV3Tests
{
    [Theory]
    // Well-known public v3 services (DuckDuckGo, the Tor Project).
    [InlineData("duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion")]
    [InlineData("2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid.onion")]
    public void RealOnionNamesParseAndFormatBack(string name)
    {
        var bytes = new byte[OnionV3.AddressLength];
        Assert.Equal(OnionAddressError.None, OnionV3.TryParse(name, bytes));
        Assert.Equal(OnionV3.Version, bytes[^1]);
        Assert.Equal(name, OnionV3.Format(bytes));
        Assert.Equal(OnionAddressError.None, OnionV3.TryParse(name.ToUpperInvariant(), bytes));
        Assert.Equal(OnionAddressError.None, OnionV3.TryParse(name.AsSpan()[..^".onion".Length], bytes));
    }

    [Fact]
    public void FromPublicKeyBuildsAChecksummedAddress()
    {
        var publicKey = Hex.Decode("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        var address = OnionV3.FromPublicKey(publicKey);
        var name = OnionV3.Format(address);
        Assert.Equal(62, name.Length);
        Assert.Equal(OnionAddressError.None, OnionV3.TryParse(name, new byte[35]));
    }

    [Fact]
    public void ChangedChecksumIsRejected()
    {
        var address = OnionV3.FromPublicKey(new byte[32]);
        address[32] ^= 1;
        Assert.Equal(OnionAddressError.BadChecksum, OnionV3.TryParse(OnionV3.Format(address), new byte[35]));
    }

    [Fact]
    public void OtherVersionsAreRejected()
    {
        var address = OnionV3.FromPublicKey(new byte[32]);
        address[34] = 2;
        Assert.Equal(OnionAddressError.UnsupportedVersion, OnionV3.TryParse(OnionV3.Format(address), new byte[35]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("expyuzz4wqqyqhjn.onion")] // a Tor v2 name
    [InlineData("duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzcza1.onion")]
    [InlineData("duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion.onion")]
    public void MalformedNamesAreRejected(string name)
    {
        Assert.Equal(OnionAddressError.InvalidEncoding, OnionV3.TryParse(name, new byte[35]));
    }

    [Fact]
    public void PlatformSupportsSha3Here()
    {
        // The checksum check silently degrades without SHA3-256; make sure CI exercises it.
        Assert.True(OnionV3.CanVerifyChecksum);
    }
}
