using System.Buffers;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Lightning.Protocol.Tlv;

namespace Peerd.Fuzz.Targets;

/// <summary>
/// TLV streams and BigSize integers: the first byte picks the namespace (0: <c>init</c>'s, 1: one with fixed-length,
/// tu64 and any-length records, 2: a BigSize alone); a stream ends in records or a <see cref="TlvError"/>, the
/// validator agrees with the reader, and a BigSize that reads is minimal.
/// </summary>
internal static class TlvStreams
{
    private static readonly TlvNamespace Mixed = new(
        "fuzz",
        new TlvRecordSpec(1, "amount", TlvValueRules.TruncatedUInt64),
        new TlvRecordSpec(2, "scid", TlvValueRules.FixedLength(8)),
        new TlvRecordSpec(3, "blob", TlvValueRules.AnyLength),
        new TlvRecordSpec(11, "cltv", TlvValueRules.TruncatedUInt32),
        new TlvRecordSpec(254, "delta", TlvValueRules.FixedLength(2)));

    public static FuzzTarget Target { get; } = new("tlv", "selector byte (init / mixed namespace / BigSize) + the stream", Seeds, Run);

    private static IEnumerable<byte[]> Seeds() =>
    [
        [0, .. Stream((1, new byte[32]), (3, [0x0a, 0x0b]), (0xfd00, [9]))],
        [1, .. Stream((1, [0x01, 0x02]), (2, new byte[8]), (3, new byte[49]), (254, [0, 1]))],
        [1, .. Stream((1, [0x05]), (11, [0x01, 0x00]))],
        [2, 0xfd, 0x00, 0xfd],
        [2, 0xff, 0, 0, 0, 1, 0, 0, 0, 0],
    ];

    private static void Run(byte[] input)
    {
        if (input.Length == 0)
        {
            return;
        }

        var body = input.AsSpan(1);
        if (input[0] % 3 == 2)
        {
            if (BigSize.TryRead(body, out var value, out var read) == BigSizeStatus.Done)
            {
                FuzzInvariantException.Check(read == BigSize.GetLength(value), "a BigSize read is not minimal");
                Span<byte> again = stackalloc byte[BigSize.MaxLength];
                FuzzInvariantException.Check(body[..read].SequenceEqual(again[..BigSize.Write(value, again)]), "a BigSize does not write back the same");
            }

            return;
        }

        var ns = input[0] % 3 == 0 ? InitMessage.TlvTypes : Mixed;
        var reader = new TlvReader(body, ns);
        while (reader.TryReadNext(out _))
        {
        }

        FuzzInvariantException.Check(reader.Error == TlvStream.Validate(body, ns), "the TLV validator and reader disagree");
    }

    private static byte[] Stream(params (ulong Type, byte[] Value)[] records)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new TlvWriter(output);
        foreach (var (type, value) in records)
        {
            writer.Write(type, value);
        }

        return output.WrittenSpan.ToArray();
    }
}
