using System.Buffers.Binary;
using System.Text;
using Peerd.Lightning.Gossip;
using Peerd.Lightning.Protocol.Gossip;
using static Peerd.Lightning.Tests.Gossip.ChannelGossip;

namespace Peerd.Lightning.Tests.Gossip;

public class ChannelUpdateChecksumTests
{
    private static readonly ShortChannelId A = ShortChannelId.From(800_000, 1, 0);

    /// <summary>A bit-at-a-time CRC-32C (reflected polynomial 0x82F63B78), independent of the hardware path.</summary>
    private static uint Reference(byte[] data)
    {
        uint crc = uint.MaxValue;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78 : crc >> 1;
            }
        }

        return ~crc;
    }

    [Fact]
    public void TheReferenceIsCrc32C() => Assert.Equal(0xE3069283U, Reference(Encoding.ASCII.GetBytes("123456789")));

    [Fact]
    public void TheChecksumCoversTheUpdateWithoutTypeSignatureAndTimestamp()
    {
        var update = Update(A, 1, 2, 1, 1_700_000_000);

        // After the type (2) and signature (64): chain_hash and short_channel_id (40), then skip the timestamp (4).
        byte[] covered = [.. update.AsSpan(66, 40), .. update.AsSpan(66 + 44)];
        Assert.Equal(Reference(covered), ChannelUpdateChecksum.Compute(update));
    }

    [Fact]
    public void ANewTimestampOrSignatureKeepsTheChecksumAndAFeeChangeDoesNot()
    {
        uint original = ChannelUpdateChecksum.Compute(Update(A, 1, 2, 1, 1_700_000_000));

        // Re-signed at another time: another signature and timestamp, the same policy.
        Assert.Equal(original, ChannelUpdateChecksum.Compute(Update(A, 1, 2, 1, 1_700_000_999)));

        var fee = Update(A, 1, 2, 1, 1_700_000_000, feeBase: 1001);
        Assert.NotEqual(original, ChannelUpdateChecksum.Compute(fee));
        Assert.NotEqual(0U, original);
        Assert.Equal(1001U, BinaryPrimitives.ReadUInt32BigEndian(fee.AsSpan(ChannelUpdate.SignedOffset + 56)));
    }

    [Fact]
    public void AShortMessageIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ChannelUpdateChecksum.Compute(new byte[ChannelUpdate.Length - 1]));
}
