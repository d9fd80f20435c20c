using System.Net;
using System.Security.Cryptography;
using Peerd.Crypto;
using Peerd.Lightning.Protocol.Addresses;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Tests.Gossip;

public class NodeAnnouncementTests
{
    // BOLT 8's ls.priv = 0x11…11 (public key 034f355b…71aa).
    private static readonly StaticKey Key = new(Enumerable.Repeat((byte)0x11, 32).ToArray());

    private static NodeAnnouncement SignSample(params WireAddress[] addresses) =>
        NodeAnnouncement.Sign(Key, OurFeatures.Node, 1_700_000_000, [0x12, 0x34, 0x56], "peerd ⚡", addresses);

    [Fact]
    public void AnnouncementSignedByOurKeyVerifies()
    {
        var announcement = SignSample(WireAddress.FromIPAddress(IPAddress.Parse("203.0.113.7"), 9735));

        Assert.True(announcement.VerifySignature());
        Assert.True(announcement.HasValidNodeId);
        Assert.Equal("034f355bdcb7cc0af728ef3cceb9615d90684bb5b2ca5f859ab0f0b704075871aa", Hex.Encode(announcement.NodeId));
        Assert.Equal("peerd ⚡", announcement.AliasText);
        Assert.Equal("123456", announcement.ColorHex);
        Assert.Equal(1_700_000_000U, announcement.Timestamp);
        Assert.Equal(OurFeatures.Node, announcement.Features);
        Assert.Equal("203.0.113.7:9735", Assert.Single(announcement.Addresses).ToString());
        Assert.True(announcement.Extension.IsEmpty);
    }

    [Fact]
    public void EncodedLayoutFollowsBolt7()
    {
        var announcement = SignSample();
        var bytes = announcement.ToArray();
        // type 257, 64-byte signature, flen 6, features, timestamp, node_id, rgb, 32-byte alias, addrlen 0.
        Assert.Equal(2 + 64 + 2 + 6 + 4 + 33 + 3 + 32 + 2, bytes.Length);
        Assert.Equal("0101", Hex.Encode(bytes.AsSpan(0, 2)));
        Assert.Equal("0006" + "20000000a282" + "6553f100", Hex.Encode(bytes.AsSpan(66, 12)));
        Assert.Equal(0, bytes[^1]);
    }

    [Fact]
    public void SignedHashIsTheDoubleSha256OfEverythingAfterTheSignature()
    {
        var announcement = SignSample();
        var bytes = announcement.ToArray();
        var expected = SHA256.HashData(SHA256.HashData(bytes.AsSpan(2 + 64)));
        Assert.Equal(expected, announcement.ComputeSignedHash());
        Assert.True(Secp256k1.VerifyCompact(announcement.Signature, expected, Key.PublicKey));
    }

    [Fact]
    public void EveryTamperedByteBreaksTheSignature()
    {
        var bytes = SignSample(WireAddress.FromHostname("node.example", 9735)).ToArray();
        for (int i = 2; i < bytes.Length; i++)
        {
            var tampered = (byte[])bytes.Clone();
            tampered[i] ^= 0x01;
            if (NodeAnnouncement.TryDecode(tampered, out var decoded, out _))
            {
                Assert.False(decoded.VerifySignature(), $"byte {i} changed, signature still verified");
            }
        }
    }

    [Fact]
    public void AppendedFieldsAreCoveredBySignatureAndKept()
    {
        var original = SignSample().ToArray();
        var signed = original.AsSpan(2 + 64).ToArray().Concat(Hex.Decode("0101ff")).ToArray();
        var hash = SHA256.HashData(SHA256.HashData(signed));
        var signature = new byte[64];
        Assert.True(Key.TrySignCompact(hash, signature));
        var message = Hex.Decode("0101").Concat(signature).Concat(signed).ToArray();

        Assert.True(NodeAnnouncement.TryDecode(message, out var decoded, out _));
        Assert.True(decoded.VerifySignature());
        Assert.Equal("0101ff", Hex.Encode(decoded.Extension));
        Assert.Equal(message, decoded.ToArray());

        // Dropping the appended field invalidates it.
        var truncated = message.AsSpan(0, message.Length - 3).ToArray();
        Assert.True(NodeAnnouncement.TryDecode(truncated, out var shorter, out _));
        Assert.False(shorter.VerifySignature());
    }

    [Fact]
    public void SignatureByAnotherKeyDoesNotVerify()
    {
        var other = new StaticKey(Enumerable.Repeat((byte)0x21, 32).ToArray());
        var bytes = SignSample().ToArray();
        var hash = SHA256.HashData(SHA256.HashData(bytes.AsSpan(2 + 64)));
        Assert.True(other.TrySignCompact(hash, bytes.AsSpan(2, 64)));
        Assert.True(NodeAnnouncement.TryDecode(bytes, out var decoded, out _));
        Assert.False(decoded.VerifySignature());
    }

    [Fact]
    public void InvalidNodeIdFailsVerificationWithoutThrowing()
    {
        var bytes = SignSample().ToArray();
        int nodeIdOffset = 2 + 64 + 2 + 6 + 4;
        bytes[nodeIdOffset] = 0x05;
        Assert.True(NodeAnnouncement.TryDecode(bytes, out var decoded, out _));
        Assert.False(decoded.HasValidNodeId);
        Assert.False(decoded.VerifySignature());
    }

    [Fact]
    public void AddressesFollowCoreLightningsListRules()
    {
        var v4 = WireAddress.FromIPAddress(IPAddress.Parse("198.51.100.1"), 9735);
        var portZero = WireAddress.FromIPAddress(IPAddress.Parse("198.51.100.2"), 0);
        var onion = WireAddress.FromTorV3(OnionV3.FromPublicKey(new byte[32]), 9735);
        var announcement = SignSample(v4, portZero, onion);
        Assert.True(NodeAnnouncement.TryDecode(announcement.ToArray(), out var decoded, out _));
        Assert.Equal([v4, onion], decoded.Addresses);
        Assert.Equal(v4.EncodedLength + portZero.EncodedLength + onion.EncodedLength, decoded.AddressBytes.Length);
    }

    [Fact]
    public void InsufficientAddrlenIsMalformed()
    {
        var bytes = SignSample(WireAddress.FromIPAddress(IPAddress.Parse("198.51.100.1"), 9735)).ToArray();
        // Shrink addrlen from 7 to 5 and drop the last two bytes: the ipv4 descriptor no longer fits.
        bytes[^8] = 5;
        var cut = bytes.AsSpan(0, bytes.Length - 2).ToArray();
        var decoded = LightningMessageDecoder.Decode(cut);
        Assert.Equal(DecodeOutcome.Malformed, decoded.Outcome);
        Assert.Equal(DecodeFailureKind.InvalidField, decoded.Failure!.Value.Kind);
    }

    [Fact]
    public void OverlongAliasAndWrongColourAreRefused()
    {
        Assert.Throws<ArgumentException>(() => NodeAnnouncement.Sign(Key, FeatureBits.Empty, 0, [1, 2, 3], new string('a', 33), []));
        Assert.Throws<ArgumentException>(() => NodeAnnouncement.Sign(Key, FeatureBits.Empty, 0, [1, 2], "a", []));
        Assert.Equal(new string('a', 32), NodeAnnouncement.Sign(Key, FeatureBits.Empty, 0, [1, 2, 3], new string('a', 32), []).AliasText);
    }

    [Fact]
    public void RandomAnnouncementsRoundTripAndVerify()
    {
        var random = new Random(257);
        for (int i = 0; i < 50; i++)
        {
            var secret = new byte[32];
            random.NextBytes(secret);
            secret[0] = 0x01;
            var key = new StaticKey(secret);
            var rgb = new byte[3];
            random.NextBytes(rgb);
            var addresses = Enumerable.Range(0, random.Next(4))
                .Select(_ => WireAddress.FromIPAddress(new IPAddress(random.NextInt64(1, uint.MaxValue)), (ushort)random.Next(1, 65536)))
                .ToList();
            var features = FeatureBits.FromBits(Enumerable.Range(0, random.Next(6)).Select(_ => random.Next(100)).ToArray());
            var alias = new string(Enumerable.Range(0, random.Next(33)).Select(_ => (char)random.Next('a', 'z' + 1)).ToArray());

            var announcement = NodeAnnouncement.Sign(key, features, (uint)random.Next(), rgb, alias, addresses);
            Assert.True(NodeAnnouncement.TryDecode(announcement.ToArray(), out var decoded, out _));
            Assert.True(decoded.VerifySignature());
            Assert.Equal(alias, decoded.AliasText);
            Assert.Equal(features, decoded.Features);
            Assert.Equal(addresses, decoded.Addresses);
            Assert.Equal(announcement.ToArray(), decoded.ToArray());
        }
    }

    [Theory]
    [InlineData("0101")]
    [InlineData("0101aa")]
    public void TruncatedAnnouncementsAreMalformed(string hex)
    {
        Assert.False(NodeAnnouncement.TryDecode(Hex.Decode(hex), out _, out var failure));
        Assert.Equal("node_announcement: truncated in signature", failure.Reason);
    }

    [Fact]
    public void AnOptionWillFundRecordIsALiquidityAd()
    {
        var rates = new LeaseRates(666, 100, 100, 2000, 1000);
        var announcement = NodeAnnouncement.Sign(Key, OurFeatures.Node, 1_700_000_000, [0x12, 0x34, 0x56], "ad", [], Hex.Decode("010c" + Hex.Encode(rates.ToArray()) + "0301ff"));

        Assert.True(announcement.VerifySignature());
        Assert.True(NodeAnnouncement.TryDecode(announcement.ToArray(), out var decoded, out _));
        Assert.Equal(rates, decoded.WillFund);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0301ff")] // only an unknown odd record
    [InlineData("010c029a00640064000007d003e8" + "0200")] // an unknown even record makes the stream invalid
    [InlineData("0109029a0064006400000007")] // a lease_rates shorter than its head
    public void WithoutAValidOptionWillFundThereIsNoLiquidityAd(string extension)
    {
        var announcement = NodeAnnouncement.Sign(Key, OurFeatures.Node, 1_700_000_000, [0x12, 0x34, 0x56], "ad", [], Hex.Decode(extension));
        Assert.Null(announcement.WillFund);
    }
}
