using System.Buffers;
using System.Text;
using System.Text.Json;
using Peerd.ClnRpc.Filtering;

namespace Peerd.ClnRpc.Tests.Filtering;

public class JsonFilterWriterTests
{
    // doc/lightningd-rpc.7.md, FIELD FILTERING: listtransactions (rawtx shortened, second input dropped).
    private const string ListTransactions =
        """
        {"transactions":[
         {"hash":"3b15","rawtx":"0200","blockheight":102,"txindex":1,"locktime":101,"version":2,
          "inputs":[{"txid":"e9a7","index":0,"sequence":4294967294}],
          "outputs":[{"index":0,"amount_msat":"1000000000msat","type":"deposit","scriptPubKey":"a914"},
                     {"index":1,"amount_msat":"4998999857000msat","scriptPubKey":"a914"}]},
         {"hash":"3a5e","rawtx":"0200","blockheight":103,"txindex":1,"locktime":102,"version":2,
          "inputs":[{"txid":"3b15","index":0,"sequence":4294967293}],
          "outputs":[{"index":0,"amount_msat":"894743000msat","type":"deposit","scriptPubKey":"0014"},
                     {"index":1,"amount_msat":"100000000msat","type":"channel_funding","channel":"103x1x1","scriptPubKey":"0020"}]}]}
        """;

    // tests/test_misc.py test_field_filter: a decoded invoice with two fallbacks.
    private const string Decode =
        """{"currency":"bcrt","created_at":1,"payment_hash":"ab","fallbacks":[{"type":"P2WPKH","addr":"bcrt1q"},{"type":"P2SH","addr":"2Mxq"}]}""";

    private const string GetInfo =
        """{"id":"02ab","alias":"peerd","num_peers":1,"address":[],"binding":[{"type":"ipv4","address":"127.0.0.1","port":9735}],"our_features":{"init":"08a0","node":"88a0"}}""";

    [Theory]
    [InlineData("listtransactions outputs' amount and type", "{\"transactions\": [{\"outputs\": [{\"amount_msat\": true, \"type\": true}]}]}", ListTransactions,
        """{"transactions":[{"outputs":[{"amount_msat":"1000000000msat","type":"deposit"},{"amount_msat":"4998999857000msat"}]},{"outputs":[{"amount_msat":"894743000msat","type":"deposit"},{"amount_msat":"100000000msat","type":"channel_funding"}]}]}""")]
    [InlineData("single field", "{\"currency\":true}", Decode, """{"currency":"bcrt"}""")]
    [InlineData("two fields", "{\"currency\":true,\"payment_hash\":true}", Decode, """{"currency":"bcrt","payment_hash":"ab"}""")]
    [InlineData("nested fields", "{\"currency\":true,\"payment_hash\":true,\"fallbacks\":[{\"type\":true}]}", Decode,
        """{"currency":"bcrt","payment_hash":"ab","fallbacks":[{"type":"P2WPKH"},{"type":"P2SH"}]}""")]
    [InlineData("nonexistent fields", "{\"foobar\":true}", Decode, "{}")]
    [InlineData("bad filters", "{\"currency\":true,\"payment_hash\":true,\"fallbacks\":{\"type\":true}}", Decode,
        """{"currency":"bcrt","payment_hash":"ab","fallbacks":[],"warning_parameter_filter":".fallbacks is an array"}""")]
    public void MatchesCoreLightningsDocumentedExamples(string name, string filter, string result, string expected)
    {
        Assert.NotEmpty(name);
        Assert.Equal(expected, Apply(filter, result));
    }

    [Theory]
    [InlineData("{\"message\":{\"dne\":true}}", """{"message":{"string":"string"}}""", """{"message":{}}""")]
    [InlineData("{\"message\":{\"f1\":true,\"f3\":true}}", """{"message":{"f1":"f1string","f2":{"f2sub":"f2string"},"f3":"f3string"}}""", """{"message":{"f1":"f1string","f3":"f3string"}}""")]
    [InlineData("{\"messages\":[{\"string\":true}]}", """{"messages":[{"string":"string1"},{"string":"string2"}]}""", """{"messages":[{"string":"string1"},{"string":"string2"}]}""")]
    [InlineData("{\"result\":true}", """{"result":"resultstr","ignored":"ignoredstr","fallbacks":[{"type":"P2PKH"}]}""", """{"result":"resultstr"}""")]
    public void MatchesCoreLightningsStreamFilterUnitTest(string filter, string result, string expected)
    {
        Assert.Equal(expected, Apply(filter, result));
    }

    [Fact]
    public void KeepsTheResultsOrderNotTheFilters()
    {
        Assert.Equal("""{"id":"02ab","num_peers":1}""", Apply("{\"num_peers\":true,\"id\":true}", GetInfo));
    }

    [Fact]
    public void ALeafOnAnArrayKeepsItWhole()
    {
        Assert.Equal("""{"binding":[{"type":"ipv4","address":"127.0.0.1","port":9735}]}""", Apply("{\"binding\":true}", GetInfo));
    }

    [Fact]
    public void ALeafOnAnObjectKeepsItsObjectsAndArraysButNotItsPrimitivesAsCoreLightningDoes()
    {
        Assert.Equal("""{"our_features":{}}""", Apply("{\"our_features\":true}", GetInfo));
        Assert.Equal("""{"o":{"y":{"z":2},"w":[1,2]}}""", Apply("{\"o\":{}}", """{"o":{"x":1,"y":{"z":2},"w":[1,2]}}"""));
    }

    [Fact]
    public void AnEmptyTopLevelFilterKeepsOnlyTheResultsObjectsAndArrays()
    {
        Assert.Equal("""{"address":[],"binding":[{"type":"ipv4","address":"127.0.0.1","port":9735}],"our_features":{"init":"08a0","node":"88a0"}}""", Apply("{}", GetInfo));
    }

    [Theory]
    [InlineData("{\"id\":{\"x\":true}}")]
    [InlineData("{\"id\":[true]}")]
    public void ANamedPrimitiveIsKeptWhateverItsTemplate(string filter)
    {
        Assert.Equal("""{"id":"02ab"}""", Apply(filter, GetInfo));
    }

    [Fact]
    public void AnArrayTemplateAppliesToEveryElementAndKeepsPrimitiveElements()
    {
        Assert.Equal("""{"l":[1,{"a":1},"x"]}""", Apply("{\"l\":[{\"a\":true}]}", """{"l":[1,{"a":1,"b":2},"x"]}"""));
    }

    [Fact]
    public void NestedArrayTemplatesApplyLevelByLevel()
    {
        Assert.Equal("""{"m":[[{"a":1}],[{"a":3}]]}""", Apply("{\"m\":[[{\"a\":true}]]}", """{"m":[[{"a":1,"b":2}],[{"a":3}]]}"""));
    }

    [Fact]
    public void AnArrayTemplateOnAnObjectDropsItsMembersAndWarnsOnlyForAContainer()
    {
        Assert.Equal("""{"o":{}}""", Apply("{\"o\":[{\"a\":true}]}", """{"o":{"a":1}}"""));
        Assert.Equal("""{"o":{},"warning_parameter_filter":".o is an object"}""", Apply("{\"o\":[{\"a\":true}]}", """{"o":{"a":1,"b":{}}}"""));
    }

    [Fact]
    public void AnObjectTemplateOnAnArrayDropsContainersAndThePrimitivesAfterThem()
    {
        Assert.Equal("""{"l":[1],"warning_parameter_filter":".l is an array"}""", Apply("{\"l\":{\"a\":true}}", """{"l":[1,{"a":1},2]}"""));
    }

    [Fact]
    public void TheWarningNamesThePathThroughArrays()
    {
        Assert.Equal(
            """{"peers":[{"netaddr":["1"]}],"warning_parameter_filter":".peers[].netaddr is an array"}""",
            Apply("{\"peers\":[{\"netaddr\":{\"x\":true}}]}", """{"peers":[{"id":"a","netaddr":["1",{"k":1}]}]}"""));
    }

    [Fact]
    public void OnlyTheFirstMisuseByNameIsReported()
    {
        Assert.Equal(
            """{"b":[],"a":[],"warning_parameter_filter":".a is an array"}""",
            Apply("{\"b\":{\"x\":true},\"a\":{\"x\":true}}", """{"b":[{}],"a":[{}]}"""));
    }

    [Fact]
    public void AResultThatIsNotAnObjectIsWrittenUnchanged()
    {
        Assert.Equal("\"Shutdown complete\"", Apply("{\"x\":true}", "\"Shutdown complete\""));
    }

    [Fact]
    public void AFilterAsDeepAsTheRequestLimitSelectsADeepResult()
    {
        var depth = RpcLimits.MaxRequestDepth - 1;
        var filter = string.Concat(Enumerable.Repeat("{\"a\":", depth - 1)) + "{\"a\":true}" + new string('}', depth - 1);
        var result = string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1,\"b\":2" + new string('}', depth);
        var expected = string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

        Assert.Equal(expected, Apply(filter, result));
    }

    private static string Apply(string filterText, string resultText)
    {
        var options = new JsonDocumentOptions { MaxDepth = RpcLimits.MaxRequestDepth };
        using var filterDoc = JsonDocument.Parse(filterText, options);
        Assert.True(JsonFilter.TryParse(filterDoc.RootElement, out var filter, out var error), error?.Message);
        using var resultDoc = JsonDocument.Parse(resultText, new JsonDocumentOptions { MaxDepth = 256 });
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            JsonFilterWriter.Write(filter!, resultDoc.RootElement, writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
