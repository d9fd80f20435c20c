using Peerd.Lightning.Protocol.Tlv;
using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Tests.Tlv;

public class BigSizeTests
{
    public static TheoryData<string, string, string?, string> DecodeVectors()
    {
        var data = new TheoryData<string, string, string?, string>();
        foreach (var row in Bolt1Vectors.Array("bigsize", "decode"))
        {
            data.Add(row.String("name")!, row.String("bytes")!, row.String("exp_error"), row.String("value_decimal_string")!);
        }

        return data;
    }

    public static TheoryData<string, string, string> EncodeVectors()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var row in Bolt1Vectors.Array("bigsize", "encode"))
        {
            data.Add(row.String("name")!, row.String("bytes")!, row.String("value_decimal_string")!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DecodeVectors))]
    public void DecodeMatchesBolt1AppendixA(string name, string bytes, string? expectedError, string value)
    {
        var input = Hex.Decode(bytes);
        var status = BigSize.TryRead(input, out ulong decoded, out int read);

        var expectedStatus = expectedError switch
        {
            null => BigSizeStatus.Done,
            "decoded bigsize is not canonical" => BigSizeStatus.NotCanonical,
            "unexpected EOF" => BigSizeStatus.UnexpectedEndOfInput,
            "EOF" => BigSizeStatus.EndOfInput,
            _ => throw new InvalidOperationException($"unmapped vector error '{expectedError}' in '{name}'"),
        };
        Assert.Equal(expectedStatus, status);
        if (status == BigSizeStatus.Done)
        {
            Assert.Equal(ulong.Parse(value, System.Globalization.CultureInfo.InvariantCulture), decoded);
            Assert.Equal(input.Length, read);
        }
        else
        {
            Assert.Equal(0, read);
        }
    }

    [Theory]
    [MemberData(nameof(EncodeVectors))]
    public void EncodeMatchesBolt1AppendixA(string name, string bytes, string value)
    {
        ulong number = ulong.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        var buffer = new byte[BigSize.MaxLength];

        int written = BigSize.Write(number, buffer);

        Assert.Equal(bytes, Hex.Encode(buffer.AsSpan(0, written)));
        Assert.Equal(written, BigSize.GetLength(number));
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void BufferWriterOverloadWritesTheSameBytes()
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        BigSize.Write(0x1_0000UL, output);
        Assert.Equal("fe00010000", Hex.Encode(output.WrittenSpan));
    }

    [Fact]
    public void RandomValuesRoundTripAtEveryWidth()
    {
        var random = new Random(1);
        var buffer = new byte[BigSize.MaxLength + 3];
        for (int i = 0; i < 2000; i++)
        {
            ulong value = (ulong)random.NextInt64() >> random.Next(64);
            int written = BigSize.Write(value, buffer);
            Assert.Equal(BigSizeStatus.Done, BigSize.TryRead(buffer, out ulong decoded, out int read));
            Assert.Equal(value, decoded);
            Assert.Equal(written, read);
            for (int prefix = 0; prefix < written; prefix++)
            {
                Assert.NotEqual(BigSizeStatus.Done, BigSize.TryRead(buffer.AsSpan(0, prefix), out _, out _));
            }
        }
    }

    [Fact]
    public void WriteIntoShortDestinationThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => BigSize.Write(0x10000, new byte[3]));
    }
}
