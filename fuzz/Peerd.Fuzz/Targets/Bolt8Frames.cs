using System.Buffers;
using Peerd.Lightning.Protocol.Framing;
using Peerd.Lightning.Protocol.Noise;

namespace Peerd.Fuzz.Targets;

/// <summary>
/// A BOLT 8 ciphertext stream after the fixed-key handshake, read by the frame reader a connection uses (two
/// segments, so the prefix-gathering path runs): every input ends in messages, more data wanted, or a MAC error.
/// </summary>
internal static class Bolt8Frames
{
    private static readonly byte[] Message = new byte[Bolt8Constants.MaxMessageLength];

    public static FuzzTarget Target { get; } = new("bolt8-frames", "encrypted packets from the initiator of the fixed-key handshake", Seeds, Run);

    private static IEnumerable<byte[]> Seeds() =>
    [
        Encrypt([[0x00, 0x12, 0x00, 0x04, 0x00, 0x00]]),
        Encrypt([[], "hello"u8.ToArray(), new byte[300]]),
        Encrypt([new byte[2000]]),
    ];

    private static void Run(byte[] input)
    {
        var (_, _, _, sender, transport) = FixedKeys.Handshake();
        sender.Dispose();
        using (transport)
        {
            var reader = new Bolt8FrameReader(transport.Receiver);
            var sequence = Segments.Split(input, input.Length / 3);
            while (true)
            {
                var status = reader.TryReadMessage(sequence, Message, out _, out var consumed, out _, out var error);
                switch (status)
                {
                    case OperationStatus.Done:
                        sequence = sequence.Slice(consumed);
                        continue;
                    case OperationStatus.InvalidData:
                        FuzzInvariantException.Check(error != FrameError.None, "InvalidData without a FrameError");
                        return;
                    case OperationStatus.NeedMoreData:
                        return;
                    default:
                        throw new FuzzInvariantException($"unexpected {status} with a 65535-byte buffer");
                }
            }
        }
    }

    private static byte[] Encrypt(byte[][] messages)
    {
        var (_, _, _, sender, receiver) = FixedKeys.Handshake();
        receiver.Dispose();
        using (sender)
        {
            var stream = new List<byte>();
            foreach (var message in messages)
            {
                var packet = new byte[NoiseEncryptor.PacketLength(message.Length)];
                sender.Sender.Encrypt(message, packet);
                stream.AddRange(packet);
            }

            return [.. stream];
        }
    }
}
