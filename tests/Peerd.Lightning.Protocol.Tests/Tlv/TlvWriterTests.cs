using System.Buffers;
using Peerd.Lightning.Protocol.Tlv;
using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Tests.Tlv;

public class TlvWriterTests
{
    [Fact]
    public void WritesMinimalTypesAndLengthsInOrder()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new TlvWriter(output);
        writer.WriteTruncated(1, 0);
        writer.Write(2, Hex.Decode("0000000000000226"));
        writer.Write(254, Hex.Decode("0226"));
        writer.Write(0x1_0000, []);

        Assert.Equal("010002080000000000000226fd00fe020226fe0001000000", Hex.Encode(output.WrittenSpan));
    }

    [Theory]
    [InlineData(5UL, 5UL)]
    [InlineData(5UL, 3UL)]
    public void WritingTypesOutOfOrderThrows(ulong first, ulong second)
    {
        var output = new ArrayBufferWriter<byte>();
        Assert.Throws<InvalidOperationException>(() =>
        {
            var writer = new TlvWriter(output);
            writer.Write(first, []);
            writer.Write(second, []);
        });
    }

    [Fact]
    public void RandomStreamsRoundTripThroughTheReader()
    {
        var random = new Random(7);
        var known = new TlvNamespace("random", Enumerable.Range(0, 64).Select(i => new TlvRecordSpec((ulong)(i * 2), $"t{i}", TlvValueRules.AnyLength)));
        for (int iteration = 0; iteration < 300; iteration++)
        {
            var output = new ArrayBufferWriter<byte>();
            var writer = new TlvWriter(output);
            var expected = new List<(ulong Type, byte[] Value)>();
            ulong type = (ulong)random.Next(3);
            for (int i = 0; i < random.Next(6); i++)
            {
                var value = new byte[random.Next(300)];
                random.NextBytes(value);
                writer.Write(type, value);
                if (type % 2 == 0 && type < 128)
                {
                    expected.Add((type, value));
                }

                type += (ulong)random.Next(1, 40);
            }

            var reader = new TlvReader(output.WrittenSpan, known);
            foreach (var (expectedType, expectedValue) in expected)
            {
                Assert.True(reader.TryReadNext(out var record));
                Assert.Equal(expectedType, record.Type);
                Assert.Equal(expectedValue, record.Value.ToArray());
            }

            bool more = reader.TryReadNext(out _);
            Assert.False(more, $"extra record at iteration {iteration}");
        }
    }
}
