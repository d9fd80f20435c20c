using Peerd.Lightning.Protocol.Tlv;
using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Tests.Tlv;

public class TruncatedUIntTests
{
    [Theory]
    [InlineData(0UL, "")]
    [InlineData(1UL, "01")]
    [InlineData(256UL, "0100")]
    [InlineData(0x0102030405060708UL, "0102030405060708")]
    public void WritesWithoutLeadingZeros(ulong value, string bytes)
    {
        var buffer = new byte[8];
        int written = TruncatedUInt.Write(value, buffer);
        Assert.Equal(bytes, Hex.Encode(buffer.AsSpan(0, written)));
        Assert.Equal(TlvError.None, TruncatedUInt.TryRead(buffer.AsSpan(0, written), TruncatedUInt.MaxLength64, out ulong decoded));
        Assert.Equal(value, decoded);
    }

    [Theory]
    [InlineData("00", 8, TlvError.KnownValueNotMinimal)]
    [InlineData("0001", 2, TlvError.KnownValueNotMinimal)]
    [InlineData("010000", 2, TlvError.KnownValueTooLong)]
    [InlineData("0100000000", 4, TlvError.KnownValueTooLong)]
    public void RejectsLeadingZerosAndOverlongValues(string bytes, int maxLength, TlvError expected)
    {
        Assert.Equal(expected, TruncatedUInt.TryRead(Hex.Decode(bytes), maxLength, out _));
    }
}
