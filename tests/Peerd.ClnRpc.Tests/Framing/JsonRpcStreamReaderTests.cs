using System.Buffers;
using System.Text;
using Peerd.ClnRpc.Framing;
using Peerd.TestKit;

namespace Peerd.ClnRpc.Tests.Framing;

public class JsonRpcStreamReaderTests
{
    private const string Pipelined =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"getinfo\",\"params\":[]}" +
        "\n {\"jsonrpc\":\"2.0\",\"id\":\"a\\\"}b\",\"method\":\"x\",\"params\":{\"k\":[1,{\"z\":null}]}}" +
        "{\"id\":3}\r\n\t";

    private static readonly string[] PipelinedValues =
    [
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"getinfo\",\"params\":[]}",
        "{\"jsonrpc\":\"2.0\",\"id\":\"a\\\"}b\",\"method\":\"x\",\"params\":{\"k\":[1,{\"z\":null}]}}",
        "{\"id\":3}",
    ];

    public static TheoryData<string> SplitNames()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in Fragmentation.All(Encoding.UTF8.GetBytes(Pipelined)))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SplitNames))]
    public void ReadsEveryPipelinedValueUnderEverySplit(string splitName)
    {
        var sequence = Fragmentation.All(Encoding.UTF8.GetBytes(Pipelined)).Single(s => s.Name == splitName).Sequence;

        Assert.Equal(PipelinedValues, ReadAll(new JsonRpcStreamReader(), sequence));
    }

    [Fact]
    public void EveryStrictPrefixOfAValueNeedsMoreDataAndConsumesOnlyLeadingWhitespace()
    {
        var payload = Encoding.UTF8.GetBytes("  {\"jsonrpc\":\"2.0\",\"id\":\"x\",\"params\":[1.5,true,null,\"\\u0041\"]}");
        for (var length = 0; length < payload.Length; length++)
        {
            var reader = new JsonRpcStreamReader();
            var buffer = new ReadOnlySequence<byte>(payload, 0, length);

            var status = reader.TryRead(buffer, out _, out var consumed, out _);

            Assert.Equal(JsonRpcReadStatus.NeedMoreData, status);
            Assert.True(buffer.Slice(0, consumed).ToArray().All(b => b == (byte)' '), $"prefix {length}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(64)]
    public void ResumesAcrossDataArrivingInChunks(int chunkSize)
    {
        var bytes = Encoding.UTF8.GetBytes(Pipelined);
        var reader = new JsonRpcStreamReader();
        var pending = new List<byte>();
        var values = new List<string>();
        for (var offset = 0; offset < bytes.Length; offset += chunkSize)
        {
            pending.AddRange(bytes.Skip(offset).Take(chunkSize));
            while (true)
            {
                var buffer = new ReadOnlySequence<byte>(pending.ToArray());
                var status = reader.TryRead(buffer, out var value, out var consumed, out _);
                pending.RemoveRange(0, (int)buffer.GetOffset(consumed));
                if (status != JsonRpcReadStatus.Complete)
                {
                    Assert.Equal(JsonRpcReadStatus.NeedMoreData, status);
                    break;
                }

                values.Add(Encoding.UTF8.GetString(value));
            }
        }

        Assert.Equal(PipelinedValues, values);
        Assert.Empty(pending);
    }

    [Theory]
    [InlineData("\"text\" ", "\"text\"")]
    [InlineData("[] ", "[]")]
    [InlineData("true ", "true")]
    [InlineData("null ", "null")]
    [InlineData("12 ", "12")]
    public void ReadsTopLevelValuesThatAreNotObjects(string input, string expected)
    {
        var status = new JsonRpcStreamReader().TryRead(
            new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(input)), out var value, out _, out _);

        Assert.Equal(JsonRpcReadStatus.Complete, status);
        Assert.Equal(expected, Encoding.UTF8.GetString(value));
    }

    [Fact]
    public void ANumberAtTheEndOfTheDataIsNotYetComplete()
    {
        var status = new JsonRpcStreamReader().TryRead(
            new ReadOnlySequence<byte>("12"u8.ToArray()), out _, out _, out _);

        Assert.Equal(JsonRpcReadStatus.NeedMoreData, status);
    }

    [Theory]
    [InlineData("}")]
    [InlineData("{\"a\" 1}")]
    [InlineData("{/*c*/}")]
    public void ReportsBytesThatAreNotJsonAsMalformedWithTheParsersText(string input)
    {
        var status = new JsonRpcStreamReader().TryRead(
            new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(input)), out _, out _, out var error);

        Assert.Equal(JsonRpcReadStatus.Malformed, status);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void TheClnMalformedSampleYieldsAnArrayThenMalformed()
    {
        // test_malformed_rpc sends "[]}": the array is a complete value, the "}" is garbage.
        var reader = new JsonRpcStreamReader();
        var buffer = new ReadOnlySequence<byte>("[]}"u8.ToArray());

        Assert.Equal(JsonRpcReadStatus.Complete, reader.TryRead(buffer, out var value, out var consumed, out _));
        Assert.Equal("[]", Encoding.UTF8.GetString(value));
        Assert.Equal(JsonRpcReadStatus.Malformed, reader.TryRead(buffer.Slice(consumed), out _, out _, out _));
    }

    [Fact]
    public void AValueLargerThanTheBoundIsTooLarge()
    {
        var reader = new JsonRpcStreamReader(maxValueBytes: 32);
        var buffer = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes("{\"k\":\"" + new string('x', 40) + "\"}"));

        Assert.Equal(JsonRpcReadStatus.TooLarge, reader.TryRead(buffer, out _, out _, out _));
    }

    [Fact]
    public void AnIncompleteValueReachingTheBoundIsTooLargeBeforeItEnds()
    {
        var reader = new JsonRpcStreamReader(maxValueBytes: 32);
        var buffer = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes("{\"k\":\"" + new string('x', 26)));

        Assert.Equal(JsonRpcReadStatus.TooLarge, reader.TryRead(buffer, out _, out _, out _));
    }

    [Fact]
    public void AValueExactlyAtTheBoundIsAccepted()
    {
        var json = "{\"k\":\"" + new string('x', 24) + "\"}";
        Assert.Equal(32, json.Length);
        var reader = new JsonRpcStreamReader(maxValueBytes: 32);

        var status = reader.TryRead(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json + json)), out var value, out _, out _);

        Assert.Equal(JsonRpcReadStatus.Complete, status);
        Assert.Equal(json, Encoding.UTF8.GetString(value));
    }

    [Fact]
    public void OnlyWhitespaceIsConsumedEntirely()
    {
        var buffer = new ReadOnlySequence<byte>(" \r\n\t "u8.ToArray());

        var status = new JsonRpcStreamReader().TryRead(buffer, out _, out var consumed, out _);

        Assert.Equal(JsonRpcReadStatus.NeedMoreData, status);
        Assert.Equal(buffer.End, consumed);
    }

    private static List<string> ReadAll(JsonRpcStreamReader reader, ReadOnlySequence<byte> buffer)
    {
        var values = new List<string>();
        while (true)
        {
            var status = reader.TryRead(buffer, out var value, out var consumed, out _);
            buffer = buffer.Slice(consumed);
            if (status != JsonRpcReadStatus.Complete)
            {
                Assert.Equal(JsonRpcReadStatus.NeedMoreData, status);
                Assert.True(buffer.IsEmpty);
                return values;
            }

            values.Add(Encoding.UTF8.GetString(value));
        }
    }
}
