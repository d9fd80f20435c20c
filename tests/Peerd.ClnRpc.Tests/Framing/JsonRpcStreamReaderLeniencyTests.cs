using System.Buffers;
using System.Text;
using Peerd.ClnRpc.Framing;

namespace Peerd.ClnRpc.Tests.Framing;

/// <summary>
/// The grammar Core Lightning's request reader accepts (jsmn non-strict plus <c>validate_jsmn_parse_output</c>),
/// each accepted value handed on as strict JSON.
/// </summary>
public class JsonRpcStreamReaderLeniencyTests
{
    /// <summary>What lightning-cli v25.12.1 writes for <c>connect &lt;id&gt; 127.0.0.1 9735</c> (is_literal leaves digits and dots bare).</summary>
    private const string LightningCliConnect =
        "{ \"jsonrpc\" : \"2.0\", \"method\" : \"connect\", \"id\" : \"cli:connect#4242\", \"params\" :[ " +
        "\"0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798\", 127.0.0.1, 9735] }";

    [Theory]
    [InlineData(LightningCliConnect,
        "{\"jsonrpc\":\"2.0\",\"method\":\"connect\",\"id\":\"cli:connect#4242\",\"params\":[\"0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798\",\"127.0.0.1\",9735]}")]
    [InlineData("{ \"host\" : 127.0.0.1, \"port\" : 9735}", "{\"host\":\"127.0.0.1\",\"port\":9735}")]
    [InlineData("[1 2]", "[1,2]")]
    [InlineData("[1,,2,]", "[1,2]")]
    [InlineData("[,]", "[]")]
    [InlineData("{\"a\":1,}", "{\"a\":1}")]
    [InlineData("{\"a\"::1}", "{\"a\":1}")]
    [InlineData("[1.5.6, -, abc, tru, 01, +1, .5]", "[\"1.5.6\",\"-\",\"abc\",\"tru\",\"01\",\"+1\",\".5\"]")]
    [InlineData("[true,false,null,-0.5e3,0,1E+2]", "[true,false,null,-0.5e3,0,1E+2]")]
    [InlineData("[ab\"c\\d]", "[\"ab\\\"c\\\\d\"]")]
    [InlineData("{\"a\":\"x\ty\nz\"}", "{\"a\":\"x\\u0009y\\u000az\"}")]
    [InlineData("{\"a\":\"\\u00e9\\n\\/\"}", "{\"a\":\"\\u00e9\\n\\/\"}")]
    [InlineData("{\"k\":{\"n\":[]}, \"m\":{}}", "{\"k\":{\"n\":[]},\"m\":{}}")]
    [InlineData("\"text\" ", "\"text\"")]
    [InlineData("abc ", "\"abc\"")]
    [InlineData("12,", "12")]
    public void AcceptsWhatCoreLightningAcceptsAndRewritesItAsStrictJson(string input, string expected)
    {
        var status = new JsonRpcStreamReader().TryRead(
            new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(input)), out var value, out var raw, out _, out _);

        Assert.Equal(JsonRpcReadStatus.Complete, status);
        Assert.Equal(expected, Encoding.UTF8.GetString(value));
        Assert.Equal(input.TrimEnd(' ', ','), Encoding.UTF8.GetString(raw));
        using var strict = System.Text.Json.JsonDocument.Parse(value.First); // the rewrite is JSON
    }

    [Theory]
    [InlineData("{a:1}")]                 // a key must be a string
    [InlineData("{\"a\"}")]               // a key without a value
    [InlineData("{\"a\":}")]
    [InlineData("{\"a\":1 \"b\":2}")]     // without a comma the second key becomes the first's second value
    [InlineData("{\"a\":\"b\":\"c\"}")]
    [InlineData("[\"a\":1]")]             // an array element with a value of its own
    [InlineData("{1,2}")]
    [InlineData("[}")]
    [InlineData("{]")]
    [InlineData("]")]
    [InlineData("[\u0001]")]              // control byte outside a string
    [InlineData("[\u007f]")]              // DEL outside a string
    [InlineData("[\u00e9]")]              // a non-ASCII byte outside a string
    [InlineData("[\"\\x\"]")]             // unknown escape
    [InlineData("[\"\\u12g4\"]")]
    [InlineData("[\"a\u0000b\"]")]         // NUL (jsmn would stop reading at it and wait forever)
    public void RefusesWhatCoreLightningRefuses(string input)
    {
        var status = new JsonRpcStreamReader().TryRead(
            new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(input)), out _, out _, out var error);

        Assert.Equal(JsonRpcReadStatus.Malformed, status);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void RefusesAStringThatIsNotUtf8()
    {
        var status = new JsonRpcStreamReader().TryRead(
            new ReadOnlySequence<byte>([(byte)'[', (byte)'"', 0xff, (byte)'"', (byte)']']), out _, out _, out _);

        Assert.Equal(JsonRpcReadStatus.Malformed, status);
    }

    [Theory]
    [InlineData("abc")]       // a top-level bare token may go on
    [InlineData("[1, 12")]
    [InlineData("[\"abc")]
    [InlineData("[\"ab\\")]
    [InlineData("[\"\\u12")]
    [InlineData("{\"a\":[1,{}")]
    public void WaitsForMoreWhenTheValueMayGoOn(string input)
    {
        var status = new JsonRpcStreamReader().TryRead(
            new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(input)), out _, out _, out _);

        Assert.Equal(JsonRpcReadStatus.NeedMoreData, status);
    }

    [Fact]
    public void ALenientRequestReadsTheSameUnderEveryTwoWaySplit()
    {
        var bytes = Encoding.UTF8.GetBytes(LightningCliConnect + " {\"x\":[a\\b, \"q\\u0041\\\"\" 2.5]}\n");
        var expected = ReadAll(bytes.Length, bytes);
        Assert.Equal(2, expected.Count);
        Assert.Equal("{\"x\":[\"a\\\\b\",\"q\\u0041\\\"\",2.5]}", expected[1]);
        for (var cut = 0; cut <= bytes.Length; cut++)
        {
            Assert.Equal(expected, ReadAll(cut, bytes));
        }
    }

    /// <summary>Feeds the first <paramref name="cut"/> bytes, then the rest, as a connection would.</summary>
    private static List<string> ReadAll(int cut, byte[] bytes)
    {
        var reader = new JsonRpcStreamReader();
        var values = new List<string>();
        var pending = new List<byte>(bytes.Take(cut));
        foreach (var more in new[] { Array.Empty<byte>(), bytes.Skip(cut).ToArray() })
        {
            pending.AddRange(more);
            while (true)
            {
                var buffer = new ReadOnlySequence<byte>(pending.ToArray());
                var status = reader.TryRead(buffer, out var value, out var consumed, out _);
                pending.RemoveRange(0, (int)buffer.Slice(0, consumed).Length);
                if (status != JsonRpcReadStatus.Complete)
                {
                    Assert.Equal(JsonRpcReadStatus.NeedMoreData, status);
                    break;
                }

                values.Add(Encoding.UTF8.GetString(value.ToArray()));
            }
        }

        return values;
    }
}
