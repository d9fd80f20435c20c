using Peerd.Lightning.Protocol.Tlv;
using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Tests.Tlv;

public class TlvReaderTests
{
    public static TheoryData<string, string, string> DecodeFailures()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var group in new[] { "any_namespace", "either_namespace_unknown_even" })
        {
            foreach (var row in Bolt1Vectors.Array("tlv_decode_failures", group))
            {
                foreach (var ns in new[] { "n1", "n2" })
                {
                    data.Add(ns, row.String("stream_hex")!, row.String("reason")!);
                }
            }
        }

        foreach (var row in Bolt1Vectors.Array("tlv_decode_failures", "n1"))
        {
            data.Add("n1", row.String("stream_hex")!, row.String("reason")!);
        }

        foreach (var ns in new[] { "n1", "n2" })
        {
            foreach (var row in Bolt1Vectors.Array("tlv_stream_decode_failures", ns))
            {
                data.Add(ns, row.String("stream_hex")!, row.String("reason")!);
            }
        }

        return data;
    }

    public static TheoryData<string, string, string> IgnoredSuccesses()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var row in Bolt1Vectors.Array("tlv_decode_successes", "either_namespace_ignored"))
        {
            data.Add("n1", row.String("stream_hex")!, row.String("explanation")!);
            data.Add("n2", row.String("stream_hex")!, row.String("explanation")!);
        }

        return data;
    }

    public static TheoryData<string, string> N1Successes()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Bolt1Vectors.Array("tlv_decode_successes", "n1"))
        {
            data.Add(row.String("stream_hex")!, row.String("values")!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DecodeFailures))]
    public void Bolt1AppendixBFailureVectorsFailWithTheMatchingRule(string ns, string streamHex, string reason)
    {
        var error = TlvStream.Validate(Hex.Decode(streamHex), TestNamespaces.ByName(ns));
        Assert.Equal(ExpectedError(reason), error);
    }

    [Theory]
    [MemberData(nameof(IgnoredSuccesses))]
    public void Bolt1AppendixBIgnoredRecordsDecodeToNothing(string ns, string streamHex, string explanation)
    {
        var reader = new TlvReader(Hex.Decode(streamHex), TestNamespaces.ByName(ns));
        Assert.False(reader.TryReadNext(out _), explanation);
        Assert.Equal(TlvError.None, reader.Error);
    }

    [Theory]
    [MemberData(nameof(N1Successes))]
    public void Bolt1AppendixBN1SuccessesDecodeToTheirValues(string streamHex, string values)
    {
        var reader = new TlvReader(Hex.Decode(streamHex), TestNamespaces.N1);
        Assert.True(reader.TryReadNext(out var record));
        Assert.Equal(values, TestNamespaces.DescribeN1(record));
        Assert.False(reader.TryReadNext(out _));
        Assert.Equal(TlvError.None, reader.Error);
    }

    [Fact]
    public void AppendingAnInvalidStreamToAValidStreamFails()
    {
        // Appendix B: "Any appending of an invalid stream to a valid stream should trigger a decoding failure."
        var valids = Bolt1Vectors.Array("tlv_decode_successes", "n1").Select(r => r.String("stream_hex")!).ToList();
        var invalids = Bolt1Vectors.Array("tlv_decode_failures", "any_namespace")
            .Concat(Bolt1Vectors.Array("tlv_decode_failures", "either_namespace_unknown_even"))
            .Concat(Bolt1Vectors.Array("tlv_decode_failures", "n1"))
            .Select(r => r.String("stream_hex")!).ToList();
        foreach (var valid in valids)
        {
            foreach (var invalid in invalids)
            {
                Assert.NotEqual(TlvError.None, TlvStream.Validate(Hex.Decode(valid + invalid), TestNamespaces.N1));
            }
        }
    }

    [Fact]
    public void AppendingAHigherNumberedValidStreamToALowerOneSucceeds()
    {
        // Appendix B: "Any appending of a higher-numbered valid stream to a lower-numbered valid stream should not
        // trigger a decoding failure."
        var valids = Bolt1Vectors.Array("tlv_decode_successes", "n1").Select(r => r.String("stream_hex")!).ToList();
        int pairs = 0;
        foreach (var low in valids)
        {
            foreach (var high in valids)
            {
                if (FirstType(high) > FirstType(low))
                {
                    pairs++;
                    var reader = new TlvReader(Hex.Decode(low + high), TestNamespaces.N1);
                    Assert.True(reader.TryReadNext(out _));
                    Assert.True(reader.TryReadNext(out _));
                    Assert.False(reader.TryReadNext(out _));
                    Assert.Equal(TlvError.None, reader.Error);
                }
            }
        }

        Assert.True(pairs > 20);
    }

    [Fact]
    public void UnknownOddRecordsAreSkippedBetweenKnownOnes()
    {
        // 01 00 (tlv1), 21 02 abcd (unknown odd 33), fd00fe 02 0226 (tlv4)
        var reader = new TlvReader(Hex.Decode("01002102abcdfd00fe020226"), TestNamespaces.N1);
        Assert.True(reader.TryReadNext(out var first));
        Assert.Equal(1UL, first.Type);
        Assert.True(reader.TryReadNext(out var second));
        Assert.Equal(254UL, second.Type);
        Assert.Equal("0226", Hex.Encode(second.Value));
        Assert.False(reader.TryReadNext(out _));
        Assert.Equal(TlvError.None, reader.Error);
        Assert.Equal(12, reader.Position);
    }

    [Fact]
    public void FailureReportsTheOffendingTypeAndStaysFailed()
    {
        var reader = new TlvReader(Hex.Decode("01001200"), TestNamespaces.N1);
        Assert.True(reader.TryReadNext(out _));
        Assert.False(reader.TryReadNext(out _));
        Assert.Equal(TlvError.UnknownEvenType, reader.Error);
        Assert.Equal(18UL, reader.ErrorType);
        Assert.Equal(2, reader.Position);
        Assert.False(reader.TryReadNext(out _));
    }

    [Fact]
    public void EveryTruncationOfAValidStreamFailsWithoutThrowing()
    {
        var stream = Hex.Decode("0331023da092f6980e58d2c037173180e9a465476026ee50f96695963e8efe436f54eb00000000000000010000000000000002fd00fe020226");
        for (int length = 1; length < stream.Length; length++)
        {
            var error = TlvStream.Validate(stream.AsSpan(0, length), TestNamespaces.N1);
            if (length != 51)
            {
                Assert.NotEqual(TlvError.None, error);
            }
        }

        Assert.Equal(TlvError.None, TlvStream.Validate(stream, TestNamespaces.N1));
    }

    private static ulong FirstType(string hex)
    {
        Assert.Equal(BigSizeStatus.Done, BigSize.TryRead(Hex.Decode(hex), out ulong type, out _));
        return type;
    }

    private static TlvError ExpectedError(string reason) => reason switch
    {
        "type truncated" => TlvError.TypeTruncated,
        "not minimally encoded type" => TlvError.TypeNotMinimal,
        "missing length" or "(length truncated)" => TlvError.LengthTruncated,
        "not minimally encoded length" => TlvError.LengthNotMinimal,
        "missing value" or "value truncated" => TlvError.ValueTruncated,
        "unknown even type." => TlvError.UnknownEvenType,
        _ when reason.StartsWith("unknown even field", StringComparison.Ordinal) => TlvError.UnknownEvenType,
        _ when reason.StartsWith("greater than encoding length", StringComparison.Ordinal) => TlvError.KnownValueTooLong,
        _ when reason.StartsWith("less than encoding length", StringComparison.Ordinal) => TlvError.KnownValueTooShort,
        _ when reason.EndsWith("is not minimal", StringComparison.Ordinal) => TlvError.KnownValueNotMinimal,
        _ when reason.EndsWith("is not a valid point.", StringComparison.Ordinal) => TlvError.KnownValueInvalid,
        _ when reason.Contains("ordering", StringComparison.Ordinal) || reason.StartsWith("duplicate TLV type", StringComparison.Ordinal) => TlvError.TypeNotIncreasing,
        _ => throw new InvalidOperationException($"unmapped vector reason '{reason}'"),
    };
}
