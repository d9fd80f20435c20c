using System.Buffers;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Lightning.Protocol.Tlv;
using Peerd.TestKit.Fuzzing;
using Xunit.Abstractions;

namespace Peerd.Lightning.Protocol.Tests.Tlv;

/// <summary>
/// Mutated TLV streams and BigSize integers end in records or a <see cref="TlvError"/>, without allocating (the
/// reader hands out spans over the input); written streams and integers read back as written.
/// </summary>
public class TlvMutationTests(ITestOutputHelper output)
{
    [Fact]
    public void MutatedTlvStreamsEndInRecordsOrATypedError()
    {
        byte[][] corpus =
        [
            Stream((1, [0x01, 0x02]), (2, new byte[8]), (3, new byte[49]), (254, [0, 1])),
            Stream((0, [0x05]), (11, [0x01, 0x00])),
            Stream((1, new byte[32]), (3, [0x0a, 0x0b]), (0xfd00, [9])),
        ];
        foreach (var ns in new[] { TestNamespaces.N1, TestNamespaces.N2, InitMessage.TlvTypes })
        {
            Fuzzer.Run(
                new FuzzTarget($"TLV stream ({ns.Name})", corpus, input =>
                {
                    var reader = new TlvReader(input, ns);
                    while (reader.TryReadNext(out _))
                    {
                    }

                    Assert.Equal(reader.Error, TlvStream.Validate(input, ns));
                    return reader.Error == TlvError.None ? FuzzVerdict.Decoded : FuzzVerdict.Rejected;
                }) { Inputs = 10_000, AllocationBase = 4096, AllocationPerByte = 0 },
                output);
        }
    }

    [Fact]
    public void MutatedBigSizesAreReadOrRefused()
    {
        byte[][] corpus = [[0x00], [0xfc], [0xfd, 0x00, 0xfd], [0xfe, 0x00, 0x01, 0x00, 0x00], [0xff, 0, 0, 0, 1, 0, 0, 0, 0]];
        Fuzzer.Run(
            new FuzzTarget("BigSize", corpus, input =>
            {
                var status = BigSize.TryRead(input, out var value, out var read);
                if (status != BigSizeStatus.Done)
                {
                    return FuzzVerdict.Rejected;
                }

                // What reads back is minimal: writing it again gives the same bytes.
                Assert.Equal(read, BigSize.GetLength(value));
                var again = new byte[BigSize.MaxLength];
                Assert.Equal(input.AsSpan(0, read).ToArray(), again.AsSpan(0, BigSize.Write(value, again)).ToArray());
                return FuzzVerdict.Decoded;
            }) { Inputs = 10_000, AllocationBase = 1024, AllocationPerByte = 0 },
            output);
    }

    [Fact]
    public void BigSizesAndTruncatedIntegersRoundTrip()
    {
        Property.Check("BigSize and tu64 round trip", 5_000, random =>
        {
            var value = (ulong)random.NextInt64() >> random.Next(64);
            Span<byte> buffer = stackalloc byte[BigSize.MaxLength];
            var written = BigSize.Write(value, buffer);
            Assert.Equal(BigSizeStatus.Done, BigSize.TryRead(buffer[..written], out var read, out var length));
            Assert.Equal((value, written), (read, length));

            written = TruncatedUInt.Write(value, buffer);
            Assert.Equal(TlvError.None, TruncatedUInt.TryRead(buffer[..written], TruncatedUInt.MaxLength64, out read));
            Assert.Equal(value, read);
        }, output);
    }

    [Fact]
    public void WrittenTlvStreamsReadBackRecordForRecord()
    {
        Property.Check("TLV writer/reader round trip", 500, random =>
        {
            var records = new List<(ulong Type, byte[] Value)>();
            ulong type = 0;
            for (var i = random.Next(6); i > 0; i--)
            {
                type += 1 + ((ulong)random.NextInt64() >> random.Next(40, 64));
                records.Add((type, random.Bytes(300)));
            }

            var stream = Stream([.. records]);
            var known = new TlvNamespace("random", records.Select(r => new TlvRecordSpec(r.Type, "r", TlvValueRules.AnyLength)));
            var reader = new TlvReader(stream, known);
            var read = new List<(ulong Type, byte[] Value)>();
            while (reader.TryReadNext(out var record))
            {
                read.Add((record.Type, record.Value.ToArray()));
            }

            Assert.Equal(TlvError.None, reader.Error);
            Assert.Equal(records.Select(r => r.Type), read.Select(r => r.Type));
            Assert.Equal(records.Select(r => r.Value), read.Select(r => r.Value));
        }, output);
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
