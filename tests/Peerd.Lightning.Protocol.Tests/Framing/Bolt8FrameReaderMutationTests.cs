using System.Buffers;
using Peerd.Lightning.Protocol.Framing;
using Peerd.Lightning.Protocol.Noise;
using Peerd.Primitives;
using Peerd.TestKit;
using Peerd.TestKit.Fuzzing;
using Xunit.Abstractions;

namespace Peerd.Lightning.Protocol.Tests.Framing;

/// <summary>
/// The frame reader against mutated ciphertext (every input ends in a message, more data wanted, or a MAC error —
/// never an exception, and no allocation: the reader decrypts into the caller's buffer) and the
/// encryptor → reader round trip over random messages and random fragmentation.
/// </summary>
public class Bolt8FrameReaderMutationTests(ITestOutputHelper output)
{
    private static readonly byte[] SendingKey = Hex.Decode("969ab31b4d288cedf6218839b27a3e2140827047f2c0f01bf5c04435d43511a9");
    private static readonly byte[] ChainingKey = Hex.Decode("919219dbb2920afa8db80f9a51787a840bcf111ed8d588caf9ab4be716e42b01");
    private readonly byte[] _message = new byte[Bolt8Constants.MaxMessageLength];

    [Fact]
    public void MutatedCiphertextEndsInAMessageMoreDataOrAMacError()
    {
        byte[][] corpus =
        [
            Encrypt([[0x00, 0x12, 0x00, 0x04, 0x00, 0x00]]),
            Encrypt([[], "hello"u8.ToArray(), new byte[300]]),
            Encrypt([new byte[2000]]),
        ];
        Fuzzer.Run(
            new FuzzTarget("BOLT 8 frame reader", corpus, ReadAll) { Inputs = 8_000, AllocationBase = 16 * 1024, AllocationPerByte = 0 },
            output);
    }

    [Fact]
    public void AnyMessagesEncryptedAreReadBackIdenticallyUnderAnyFragmentation()
    {
        Property.Check("BOLT 8 encrypt/read round trip", 150, random =>
        {
            var messages = new byte[1 + random.Next(4)][];
            for (var i = 0; i < messages.Length; i++)
            {
                messages[i] = random.Bytes(random.Next(8) == 0 ? Bolt8Constants.MaxMessageLength : 600);
            }

            var stream = Encrypt(messages);
            var cut1 = random.Next(stream.Length + 1);
            var cut2 = random.Next(cut1, stream.Length + 1);
            var sequence = Fragmentation.Sequence(stream.AsMemory(0, cut1), stream.AsMemory(cut1, cut2 - cut1), stream.AsMemory(cut2));
            using var transport = NewTransport();
            var reader = new Bolt8FrameReader(transport.Receiver);
            var read = new List<byte[]>();
            while (reader.TryReadMessage(sequence, _message, out var length, out var consumed, out _, out _) == OperationStatus.Done)
            {
                read.Add(_message.AsSpan(0, length).ToArray());
                sequence = sequence.Slice(consumed);
            }

            Assert.Equal(messages, read);
            Assert.Equal(0, sequence.Length);
        }, output);
    }

    /// <summary>Reads messages until the reader stops; decoded when the whole input was whole messages.</summary>
    private FuzzVerdict ReadAll(byte[] input)
    {
        using var transport = NewTransport();
        var reader = new Bolt8FrameReader(transport.Receiver);

        // Two segments, so the prefix-gathering path runs too.
        var sequence = Fragmentation.Sequence(input.AsMemory(0, input.Length / 3), input.AsMemory(input.Length / 3));
        while (true)
        {
            var status = reader.TryReadMessage(sequence, _message, out _, out var consumed, out _, out var error);
            switch (status)
            {
                case OperationStatus.Done:
                    sequence = sequence.Slice(consumed);
                    continue;
                case OperationStatus.InvalidData:
                    Assert.NotEqual(FrameError.None, error);
                    return FuzzVerdict.Rejected;
                case OperationStatus.NeedMoreData:
                    return sequence.Slice(consumed).IsEmpty && transport.Receiver.PendingMessageLength < 0 ? FuzzVerdict.Decoded : FuzzVerdict.Rejected;
                default:
                    throw new InvalidOperationException($"unexpected {status} with a 65535-byte buffer");
            }
        }
    }

    private static NoiseTransport NewTransport() => new(SendingKey, SendingKey, ChainingKey);

    private static byte[] Encrypt(byte[][] messages)
    {
        using var transport = NewTransport();
        var stream = new List<byte>();
        foreach (var message in messages)
        {
            var packet = new byte[NoiseEncryptor.PacketLength(message.Length)];
            transport.Sender.Encrypt(message, packet);
            stream.AddRange(packet);
        }

        return [.. stream];
    }
}
