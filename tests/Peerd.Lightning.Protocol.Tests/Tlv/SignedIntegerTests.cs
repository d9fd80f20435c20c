using Peerd.Lightning.Protocol.Tlv;
using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Tests.Tlv;

public class SignedIntegerTests
{
    public static TheoryData<long, string> Vectors()
    {
        var data = new TheoryData<long, string>();
        foreach (var row in Bolt1Vectors.Array("signed_integers"))
        {
            data.Add(row.GetProperty("value").GetInt64(), row.String("bytes")!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void EncodesAtNarrowestWidthPerAppendixD(long value, string bytes)
    {
        var buffer = new byte[8];
        int written = SignedInteger.Write(value, buffer);
        Assert.Equal(bytes, Hex.Encode(buffer.AsSpan(0, written)));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void DecodesPerAppendixD(long value, string bytes)
    {
        Assert.True(SignedInteger.TryRead(Hex.Decode(bytes), out long decoded));
        Assert.Equal(value, decoded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("000000")]
    [InlineData("0000000000")]
    public void OtherWidthsAreRejected(string bytes)
    {
        Assert.False(SignedInteger.TryRead(Hex.Decode(bytes), out _));
    }
}
