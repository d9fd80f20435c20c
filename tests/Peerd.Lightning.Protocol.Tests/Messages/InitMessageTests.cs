using System.Buffers;
using System.Net;
using Peerd.Lightning.Protocol.Addresses;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Lightning.Protocol.Tests.Tlv;
using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Tests.Messages;

public class InitMessageTests
{
    public static TheoryData<string, string> ValidExtensions()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Bolt1Vectors.Array("init_message_extension", "valid"))
        {
            data.Add(row.String("why")!, row.String("hex")!);
        }

        return data;
    }

    public static TheoryData<string, string> InvalidExtensions()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Bolt1Vectors.Array("init_message_extension", "invalid"))
        {
            data.Add(row.String("why")!, row.String("hex")!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ValidExtensions))]
    public void Bolt1AppendixCValidExtensionsDecode(string why, string hex)
    {
        Assert.True(InitMessage.TryDecode(Hex.Decode(hex), out var init, out var failure), $"{why}: {failure}");
        Assert.True(init.CombinedFeatures.IsEmpty);
        Assert.Null(init.Networks);
        Assert.Null(init.RemoteAddress);
        Assert.Equal(DecodeOutcome.Decoded, LightningMessageDecoder.Decode(Hex.Decode(hex)).Outcome);
    }

    [Theory]
    [MemberData(nameof(InvalidExtensions))]
    public void Bolt1AppendixCInvalidExtensionsCloseTheConnection(string why, string hex)
    {
        Assert.False(InitMessage.TryDecode(Hex.Decode(hex), out _, out var failure), why);
        Assert.Equal(DecodeFailureKind.InvalidExtension, failure.Kind);
        var decoded = LightningMessageDecoder.Decode(Hex.Decode(hex));
        Assert.Equal(DecodeOutcome.Malformed, decoded.Outcome);
        Assert.True(decoded.ShouldClose);
        Assert.StartsWith("init: invalid TLV stream: ", decoded.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CoreLightningStyleInitRoundTrips()
    {
        var init = new InitMessage(
            FeatureBits.ParseHex("0898880a8a59a1"),
            [LightningNetwork.Regtest.ChainHash],
            WireAddress.FromIPAddress(IPAddress.Parse("127.0.0.1"), 40000));

        var bytes = init.ToArray();

        Assert.Equal(
            "0010" + "0000" + "0007" + "0898880a8a59a1"
            + "01" + "20" + "06226e46111a0b59caaf126043eb5bbf28c34f3a5e332a1fc7b2b73cf188910f"
            + "03" + "07" + "017f0000019c40",
            Hex.Encode(bytes));
        Assert.True(InitMessage.TryDecode(bytes, out var decoded, out _));
        Assert.Equal(init.Features, decoded.Features);
        Assert.Equal([LightningNetwork.Regtest.ChainHash], decoded.Networks);
        Assert.Equal("127.0.0.1:40000", decoded.RemoteAddress!.ToString());
        Assert.True(decoded.SupportsChain(LightningNetwork.Regtest.ChainHash));
        Assert.False(decoded.SupportsChain(LightningNetwork.Bitcoin.ChainHash));
    }

    [Fact]
    public void OurInitIsTheMinimalOddOnlyBitmap()
    {
        var bytes = new InitMessage(OurFeatures.Init, [LightningNetwork.Bitcoin.ChainHash]).ToArray();
        Assert.StartsWith("0010" + "0000" + "0006" + "20000000a282" + "0120", Hex.Encode(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void GlobalFeaturesAreCombinedWithFeatures()
    {
        // Legacy layout: var_onion_optin (bit 9) in globalfeatures, the rest in features.
        Assert.True(InitMessage.TryDecode(Hex.Decode("0010" + "0002" + "0200" + "0001" + "02"), out var init, out _));
        Assert.Equal([1, 9], init.CombinedFeatures.SetBits());
    }

    [Fact]
    public void EmptyNetworksIsPresentButEmpty()
    {
        Assert.True(InitMessage.TryDecode(Hex.Decode("001000000000" + "0100"), out var init, out _));
        Assert.NotNull(init.Networks);
        Assert.Empty(init.Networks);
        Assert.False(init.SupportsChain(LightningNetwork.Bitcoin.ChainHash));
    }

    [Fact]
    public void NetworksThatAreNotWholeChainHashesAreAnInvalidExtension()
    {
        Assert.False(InitMessage.TryDecode(Hex.Decode("001000000000" + "011f" + new string('0', 62)), out _, out var failure));
        Assert.Equal(DecodeFailureKind.InvalidExtension, failure.Kind);
        Assert.Equal("init: invalid TLV stream: value invalid (type 1)", failure.Reason);
    }

    [Theory]
    [InlineData("0300")] // empty
    [InlineData("030107")] // unknown descriptor type
    [InlineData("030301aabb")] // truncated ipv4
    [InlineData("030701010203040000")] // port 0
    public void UnusableRemoteAddrIsIgnoredNotFatal(string tlv)
    {
        Assert.True(InitMessage.TryDecode(Hex.Decode("001000000000" + tlv), out var init, out var failure), failure.Reason);
        Assert.Null(init.RemoteAddress);
    }

    [Fact]
    public void EveryStrictPrefixOfAnInitWithoutTlvsIsTruncated()
    {
        var bytes = new InitMessage(FeatureBits.ParseHex("0898880a8a59a1"), globalFeatures: FeatureBits.ParseHex("2200")).ToArray();
        for (int length = 0; length < bytes.Length; length++)
        {
            var decoded = LightningMessageDecoder.Decode(bytes.AsSpan(0, length));
            Assert.Equal(DecodeOutcome.Malformed, decoded.Outcome);
        }

        Assert.Equal(DecodeOutcome.Decoded, LightningMessageDecoder.Decode(bytes).Outcome);
    }

    [Fact]
    public void OverLongFeatureLengthIsTruncatedNotAnException()
    {
        Assert.False(InitMessage.TryDecode(Hex.Decode("0010" + "0000" + "ffff" + "01"), out _, out var failure));
        Assert.Equal("init: truncated in features", failure.Reason);
    }

    [Fact]
    public void RandomInitsRoundTrip()
    {
        var random = new Random(16);
        for (int i = 0; i < 300; i++)
        {
            var features = FeatureBits.FromBits(Enumerable.Range(0, random.Next(8)).Select(_ => random.Next(200)).ToArray());
            var global = random.Next(3) == 0 ? FeatureBits.FromBits(random.Next(14)) : FeatureBits.Empty;
            List<ChainHash>? networks = random.Next(3) == 0 ? null : Enumerable.Range(0, random.Next(4)).Select(_ => RandomChain(random)).ToList();
            var remote = random.Next(2) == 0 ? null : WireAddress.Create(WireAddressType.IPv6, RandomBytes(random, 16), (ushort)random.Next(1, 65536));
            var init = new InitMessage(features, networks, remote, global);

            var output = new ArrayBufferWriter<byte>();
            init.WriteTo(output);
            Assert.Equal(init.EncodedLength, output.WrittenCount);

            Assert.True(InitMessage.TryDecode(output.WrittenSpan, out var decoded, out var failure), failure.Reason);
            Assert.Equal(features, decoded.Features);
            Assert.Equal(global, decoded.GlobalFeatures);
            Assert.Equal(networks, decoded.Networks);
            Assert.Equal(remote, decoded.RemoteAddress);
            Assert.Equal(output.WrittenSpan.ToArray(), decoded.ToArray());
        }
    }

    [Fact]
    public void WritingIntoAShortBufferThrowsArgumentException()
    {
        var init = new InitMessage(OurFeatures.Init);
        Assert.Throws<ArgumentException>(() => init.WriteTo(new byte[init.EncodedLength - 1]));
    }

    private static ChainHash RandomChain(Random random) => new(RandomBytes(random, 32));

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
