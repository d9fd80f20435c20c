using Peerd.Lightning.Protocol.Noise;
using Peerd.Primitives;
using Peerd.TestKit;

namespace Peerd.Lightning.Protocol.Tests.Noise;

public class NoiseEncryptorTests
{
    public static TheoryData<int> Outputs => Bolt8Vectors.MessageOutputs;

    /// <summary>"transport-message test": the initiator sends "hello" over and over; output N is the N-th packet.</summary>
    [Theory]
    [MemberData(nameof(Outputs))]
    public void EncryptMatchesBolt8MessageOutput(int n)
    {
        var vector = Bolt8Vectors.Messages;
        using var encryptor = new NoiseEncryptor(vector.Bytes("sk"), vector.Bytes("ck"));
        var hello = vector.Bytes("plaintext_hex");
        var packet = new byte[NoiseEncryptor.PacketLength(hello.Length)];

        for (var i = 0; i <= n; i++)
        {
            Assert.Equal(packet.Length, encryptor.Encrypt(hello, packet));
        }

        Assert.Equal(Hex.Encode(Bolt8Vectors.MessageOutput(n)), Hex.Encode(packet));
    }

    [Theory]
    [InlineData(0, 34)]
    [InlineData(5, 39)]
    [InlineData(Bolt8Constants.MaxMessageLength, Bolt8Constants.MaxPacketLength)]
    public void PacketLengthIsPrefixPlusMessagePlusMac(int messageLength, int packetLength)
    {
        Assert.Equal(packetLength, NoiseEncryptor.PacketLength(messageLength));
    }

    [Fact]
    public void EncryptingA65536ByteMessageThrows()
    {
        using var encryptor = NewEncryptor();
        var message = new byte[Bolt8Constants.MaxMessageLength + 1];
        var packet = new byte[NoiseEncryptor.PacketLength(message.Length)];
        Assert.Throws<ArgumentException>(() => encryptor.Encrypt(message, packet));
    }

    [Fact]
    public void EncryptRejectsAShortPacketBuffer()
    {
        using var encryptor = NewEncryptor();
        Assert.Throws<ArgumentException>(() => encryptor.Encrypt(new byte[5], new byte[NoiseEncryptor.PacketLength(5) - 1]));
    }

    [Fact]
    public void EncryptWritesOnlyThePacketIntoALargerBuffer()
    {
        using var encryptor = NewEncryptor();
        var packet = new byte[100];
        Array.Fill(packet, (byte)0xCC);
        var written = encryptor.Encrypt("hello"u8, packet);

        Assert.Equal(Hex.Encode(Bolt8Vectors.MessageOutput(0)), Hex.Encode(packet.AsSpan(0, written)));
        Assert.All(packet[written..], b => Assert.Equal(0xCC, b));
    }

    private static NoiseEncryptor NewEncryptor() =>
        new(Bolt8Vectors.Messages.Bytes("sk"), Bolt8Vectors.Messages.Bytes("ck"));
}
