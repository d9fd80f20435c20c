using System.Buffers;
using Peerd.Lightning.Protocol.Framing;
using Peerd.Lightning.Protocol.Noise;
using Peerd.Lightning.Protocol.Tests.Noise;
using Peerd.TestKit;

namespace Peerd.Lightning.Protocol.Tests.Framing;

public class Bolt8FrameReaderTests
{
    // An empty message, one byte, "hello", one longer than a length prefix, and a few hundred bytes.
    private static readonly byte[][] Messages = [[], [0x2a], "hello"u8.ToArray(), MakeMessage(40, 1), MakeMessage(300, 2)];

    [Fact]
    public void ReaderReadsEveryMessageUnderEveryFragmentation()
    {
        var stream = Encrypt(Messages);
        Fragmentation.ForEach(stream, sequence =>
        {
            var reader = NewReader();
            var (read, rest) = ReadAvailable(reader, sequence);
            Assert.Equal(Messages, read);
            Assert.Equal(0, rest.Length);
        });
    }

    [Fact]
    public void ReaderResumesWhenTheStreamArrivesInTwoParts()
    {
        // What a pipe does: the first read sees bytes [0, at); the next sees what was not consumed plus the rest.
        var stream = Encrypt(Messages);
        for (var at = 0; at <= stream.Length; at++)
        {
            var reader = NewReader();
            var (first, rest) = ReadAvailable(reader, Fragmentation.Sequence(stream.AsMemory(0, at)));
            var unconsumed = stream.AsMemory((int)(at - rest.Length), (int)rest.Length);
            var (second, tail) = ReadAvailable(reader, Fragmentation.Sequence(unconsumed, stream.AsMemory(at)));

            Assert.Equal(Messages, [.. first, .. second]);
            Assert.Equal(0, tail.Length);
        }
    }

    [Fact]
    public void ReaderReadsAStreamOneByteAtATime()
    {
        var stream = Encrypt(Messages);
        var reader = NewReader();
        var read = new List<byte[]>();
        var buffered = new List<byte>();
        foreach (var b in stream)
        {
            buffered.Add(b);
            var (messages, rest) = ReadAvailable(reader, Fragmentation.Sequence(buffered.ToArray()));
            read.AddRange(messages);
            buffered.RemoveRange(0, (int)(buffered.Count - rest.Length));
        }

        Assert.Equal(Messages, read);
        Assert.Empty(buffered);
    }

    [Fact]
    public void EveryStrictPrefixOfAPacketNeedsMoreData()
    {
        var message = MakeMessage(300, 3);
        var packet = Encrypt([message]);
        var buffer = new byte[Bolt8Constants.MaxMessageLength];
        for (var length = 0; length < packet.Length; length++)
        {
            var reader = NewReader();
            var prefix = Fragmentation.Sequence(packet.AsMemory(0, length));

            var status = reader.TryReadMessage(prefix, buffer, out _, out var consumed, out var examined, out var error);

            Assert.Equal(OperationStatus.NeedMoreData, status);
            Assert.Equal(FrameError.None, error);
            Assert.Equal(prefix.End, examined);
            // Only a complete length prefix is consumed (and remembered); nothing of the body is.
            var consumedBytes = prefix.Slice(0, consumed).Length;
            Assert.Equal(length < Bolt8Constants.EncryptedLengthPrefixLength ? 0 : Bolt8Constants.EncryptedLengthPrefixLength, consumedBytes);

            var rest = Fragmentation.Sequence(packet.AsMemory((int)consumedBytes));
            Assert.Equal(OperationStatus.Done, reader.TryReadMessage(rest, buffer, out var messageLength, out consumed, out examined, out _));
            Assert.Equal(message, buffer[..messageLength]);
            Assert.Equal(rest.End, consumed);
            Assert.Equal(rest.End, examined);
        }
    }

    [Fact]
    public void ACorruptedLengthMacIsInvalidData()
    {
        var packet = Encrypt(Messages);
        packet[Bolt8Constants.EncryptedLengthPrefixLength - 1] ^= 0x01;
        Fragmentation.ForEach(packet, sequence =>
        {
            var status = NewReader().TryReadMessage(sequence, new byte[Bolt8Constants.MaxMessageLength], out _, out _, out _, out var error);
            Assert.Equal(OperationStatus.InvalidData, status);
            Assert.Equal(FrameError.BadLengthMac, error);
        });
    }

    [Theory]
    [InlineData(0)] // the first ciphertext byte
    [InlineData(4)] // the last ciphertext byte
    [InlineData(5)] // the first tag byte
    [InlineData(20)] // the last tag byte
    public void ACorruptedMessageMacIsInvalidData(int bodyOffset)
    {
        var packet = Encrypt(["hello"u8.ToArray()]);
        packet[Bolt8Constants.EncryptedLengthPrefixLength + bodyOffset] ^= 0x40;
        Fragmentation.ForEach(packet, sequence =>
        {
            var status = NewReader().TryReadMessage(sequence, new byte[Bolt8Constants.MaxMessageLength], out _, out _, out _, out var error);
            Assert.Equal(OperationStatus.InvalidData, status);
            Assert.Equal(FrameError.BadMessageMac, error);
        });
    }

    [Fact]
    public void ALaterCorruptedPacketIsInvalidDataAfterEarlierMessages()
    {
        var stream = Encrypt(Messages);
        stream[^1] ^= 0x01;
        var reader = NewReader();
        var buffer = new byte[Bolt8Constants.MaxMessageLength];
        var input = Fragmentation.Sequence(stream);
        for (var i = 0; i < Messages.Length - 1; i++)
        {
            Assert.Equal(OperationStatus.Done, reader.TryReadMessage(input, buffer, out _, out var consumed, out _, out _));
            input = input.Slice(consumed);
        }

        Assert.Equal(OperationStatus.InvalidData, reader.TryReadMessage(input, buffer, out _, out _, out _, out var error));
        Assert.Equal(FrameError.BadMessageMac, error);
    }

    [Fact]
    public void A65535ByteMessageRoundTripsAcrossSegments()
    {
        var message = MakeMessage(Bolt8Constants.MaxMessageLength, 4);
        var packet = Encrypt([message]);
        Assert.Equal(Bolt8Constants.MaxPacketLength, packet.Length);
        foreach (var at in new[] { 0, 1, 17, 18, 19, 30000, Bolt8Constants.MaxPacketLength - 16, Bolt8Constants.MaxPacketLength - 1 })
        {
            var (read, rest) = ReadAvailable(NewReader(), Fragmentation.Sequence(packet.AsMemory(0, at), packet.AsMemory(at)));
            Assert.Equal(message, Assert.Single(read));
            Assert.Equal(0, rest.Length);
        }
    }

    [Fact]
    public void ASmallMessageBufferIsReportedAndTheReadCanBeRetried()
    {
        var message = MakeMessage(300, 5);
        var input = Fragmentation.Sequence(Encrypt([message]));
        var reader = NewReader();

        var status = reader.TryReadMessage(input, new byte[299], out var messageLength, out var consumed, out _, out _);
        Assert.Equal(OperationStatus.DestinationTooSmall, status);
        Assert.Equal(300, messageLength);
        Assert.Equal(Bolt8Constants.EncryptedLengthPrefixLength, input.Slice(0, consumed).Length);

        var buffer = new byte[300];
        Assert.Equal(OperationStatus.Done, reader.TryReadMessage(input.Slice(consumed), buffer, out messageLength, out _, out _, out _));
        Assert.Equal(message, buffer);
    }

    [Fact]
    public void ReaderFollowsKeyRotation()
    {
        // 1001 "hello"s: the vector's output 1000 must be what the reader sees at message 1000.
        var hello = "hello"u8.ToArray();
        var stream = Encrypt(Enumerable.Repeat(hello, 1001).ToArray());
        Assert.Equal(Bolt8Vectors.MessageOutput(1000), stream.AsSpan(1000 * 39, 39).ToArray());

        var (read, rest) = ReadAvailable(NewReader(), Fragmentation.Sequence(stream));
        Assert.Equal(1001, read.Count);
        Assert.All(read, m => Assert.Equal(hello, m));
        Assert.Equal(0, rest.Length);
    }

    private static (List<byte[]> Messages, ReadOnlySequence<byte> Unconsumed) ReadAvailable(Bolt8FrameReader reader, ReadOnlySequence<byte> input)
    {
        var messages = new List<byte[]>();
        var buffer = new byte[Bolt8Constants.MaxMessageLength];
        while (true)
        {
            var status = reader.TryReadMessage(input, buffer, out var length, out var consumed, out var examined, out var error);
            Assert.Equal(FrameError.None, error);
            input = input.Slice(consumed);
            if (status == OperationStatus.NeedMoreData)
            {
                Assert.Equal(input.End, examined);
                return (messages, input);
            }

            Assert.Equal(OperationStatus.Done, status);
            Assert.Equal(consumed, examined);
            messages.Add(buffer[..length]);
        }
    }

    private static byte[] Encrypt(byte[][] messages)
    {
        var vector = Bolt8Vectors.Messages;
        using var encryptor = new NoiseEncryptor(vector.Bytes("sk"), vector.Bytes("ck"));
        var stream = new List<byte>();
        foreach (var message in messages)
        {
            var packet = new byte[NoiseEncryptor.PacketLength(message.Length)];
            encryptor.Encrypt(message, packet);
            stream.AddRange(packet);
        }

        return [.. stream];
    }

    private static Bolt8FrameReader NewReader()
    {
        var vector = Bolt8Vectors.Messages;
        return new Bolt8FrameReader(new NoiseDecryptor(vector.Bytes("sk"), vector.Bytes("ck")));
    }

    private static byte[] MakeMessage(int length, int seed)
    {
        var message = new byte[length];
        new Random(seed).NextBytes(message);
        return message;
    }
}
