using Peerd.Lightning.Protocol.Noise;
using Peerd.Primitives;
using Peerd.TestKit;

namespace Peerd.Lightning.Protocol.Tests.Noise;

public class NoiseDecryptorTests
{
    public static TheoryData<int> Outputs => Bolt8Vectors.MessageOutputs;

    /// <summary>"Receiver with rk=initiator sk must decrypt every one of them."</summary>
    [Theory]
    [MemberData(nameof(Outputs))]
    public void DecryptReadsBolt8MessageOutput(int n)
    {
        var (encryptor, decryptor) = NewPair();
        using var _ = encryptor;
        using var __ = decryptor;
        var hello = Bolt8Vectors.Messages.Bytes("plaintext_hex");
        var packet = new byte[NoiseEncryptor.PacketLength(hello.Length)];
        var message = new byte[hello.Length];

        // Bring the receiver to message n with the packets that precede it.
        for (var i = 0; i < n; i++)
        {
            encryptor.Encrypt(hello, packet);
            Assert.Equal(hello, Decrypt(decryptor, packet));
        }

        Assert.Equal(hello, Decrypt(decryptor, Bolt8Vectors.MessageOutput(n)));
    }

    [Fact]
    public void A65535ByteMessageRoundTrips()
    {
        var (encryptor, decryptor) = NewPair();
        using var _ = encryptor;
        using var __ = decryptor;
        var message = new byte[Bolt8Constants.MaxMessageLength];
        new Random(8).NextBytes(message);
        var packet = new byte[Bolt8Constants.MaxPacketLength];

        Assert.Equal(Bolt8Constants.MaxPacketLength, encryptor.Encrypt(message, packet));
        Assert.Equal(message, Decrypt(decryptor, packet));
    }

    [Fact]
    public void ACorruptedLengthMacFails()
    {
        var (_, decryptor) = NewPair();
        var packet = Bolt8Vectors.MessageOutput(0);
        packet[Bolt8Constants.EncryptedLengthPrefixLength - 1] ^= 0x01;

        Assert.False(decryptor.TryDecryptLength(packet.AsSpan(0, Bolt8Constants.EncryptedLengthPrefixLength), out _));
        Assert.Throws<InvalidOperationException>(() =>
            decryptor.TryDecryptLength(packet.AsSpan(0, Bolt8Constants.EncryptedLengthPrefixLength), out _));
    }

    [Fact]
    public void ACorruptedBodyFails()
    {
        var (_, decryptor) = NewPair();
        var packet = Bolt8Vectors.MessageOutput(0);
        packet[Bolt8Constants.EncryptedLengthPrefixLength] ^= 0x80;

        Assert.True(decryptor.TryDecryptLength(packet.AsSpan(0, Bolt8Constants.EncryptedLengthPrefixLength), out var length));
        Assert.Equal(5, length);
        Assert.False(decryptor.TryDecryptMessage(packet.AsSpan(Bolt8Constants.EncryptedLengthPrefixLength), new byte[length]));
        Assert.Throws<InvalidOperationException>(() =>
            decryptor.TryDecryptMessage(packet.AsSpan(Bolt8Constants.EncryptedLengthPrefixLength), new byte[length]));
    }

    [Fact]
    public void APacketFromAnotherPositionFails()
    {
        // Output 1 under nonce 0: the nonce binds each packet to its place in the stream.
        var (_, decryptor) = NewPair();
        Assert.False(decryptor.TryDecryptLength(Bolt8Vectors.MessageOutput(1).AsSpan(0, Bolt8Constants.EncryptedLengthPrefixLength), out _));
    }

    [Fact]
    public void DecryptingAMessageBeforeItsLengthThrows()
    {
        var (_, decryptor) = NewPair();
        Assert.Throws<InvalidOperationException>(() => decryptor.TryDecryptMessage(new byte[21], new byte[5]));
    }

    [Fact]
    public void DecryptMessageRejectsInputShorterThanAMac()
    {
        var (_, decryptor) = NewPair();
        Assert.True(decryptor.TryDecryptLength(Bolt8Vectors.MessageOutput(0).AsSpan(0, Bolt8Constants.EncryptedLengthPrefixLength), out _));
        Assert.Throws<ArgumentException>(() => decryptor.TryDecryptMessage(new byte[15], new byte[5]));
    }

    [Fact]
    public void DecryptingTwoLengthsInARowThrows()
    {
        var (_, decryptor) = NewPair();
        var packet = Bolt8Vectors.MessageOutput(0);
        Assert.True(decryptor.TryDecryptLength(packet.AsSpan(0, Bolt8Constants.EncryptedLengthPrefixLength), out _));
        Assert.Equal(5, decryptor.PendingMessageLength);
        Assert.Throws<InvalidOperationException>(() =>
            decryptor.TryDecryptLength(packet.AsSpan(0, Bolt8Constants.EncryptedLengthPrefixLength), out _));
    }

    [Fact]
    public void DecryptMessageRejectsABodyOfTheWrongLength()
    {
        var (_, decryptor) = NewPair();
        var packet = Bolt8Vectors.MessageOutput(0);
        Assert.True(decryptor.TryDecryptLength(packet.AsSpan(0, Bolt8Constants.EncryptedLengthPrefixLength), out _));
        Assert.Throws<ArgumentException>(() => decryptor.TryDecryptMessage(packet.AsSpan(Bolt8Constants.EncryptedLengthPrefixLength + 1), new byte[5]));
        Assert.Throws<ArgumentException>(() => decryptor.TryDecryptMessage(packet.AsSpan(Bolt8Constants.EncryptedLengthPrefixLength), new byte[4]));
    }

    [Fact]
    public void DecryptLengthRejectsAPrefixOfTheWrongLength()
    {
        var (_, decryptor) = NewPair();
        Assert.Throws<ArgumentException>(() => decryptor.TryDecryptLength(new byte[17], out _));
    }

    internal static byte[] Decrypt(NoiseDecryptor decryptor, ReadOnlySpan<byte> packet)
    {
        Assert.True(decryptor.TryDecryptLength(packet[..Bolt8Constants.EncryptedLengthPrefixLength], out var length));
        Assert.Equal(packet.Length, NoiseEncryptor.PacketLength(length));
        var message = new byte[length];
        Assert.True(decryptor.TryDecryptMessage(packet[Bolt8Constants.EncryptedLengthPrefixLength..], message));
        Assert.Equal(-1, decryptor.PendingMessageLength);
        return message;
    }

    private static (NoiseEncryptor Encryptor, NoiseDecryptor Decryptor) NewPair()
    {
        var vector = Bolt8Vectors.Messages;
        return (new NoiseEncryptor(vector.Bytes("sk"), vector.Bytes("ck")), new NoiseDecryptor(vector.Bytes("sk"), vector.Bytes("ck")));
    }
}
