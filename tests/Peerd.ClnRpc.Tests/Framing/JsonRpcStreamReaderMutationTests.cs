using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Peerd.ClnRpc.Dispatch;
using Peerd.ClnRpc.Framing;
using Peerd.TestKit;
using Peerd.TestKit.Fuzzing;
using Xunit.Abstractions;

namespace Peerd.ClnRpc.Tests.Framing;

/// <summary>
/// Mutated request streams through what a <c>lightning-rpc</c> connection does: the splitter cuts values (or says
/// malformed / too large / more data), each value is prepared by the dispatcher (an immediate error response, or a
/// call) — never an exception, and allocation bounded by the request size. Values written back to back split back
/// into the same values under any fragmentation.
/// </summary>
public class JsonRpcStreamReaderMutationTests(ITestOutputHelper output)
{
    /// <summary>A small value bound, so mutations reach the too-large path as well.</summary>
    private const int MaxValueBytes = 4096;

    private static readonly RpcDispatcher Dispatcher = NewDispatcher();

    private static readonly byte[][] Corpus =
    [
        """{"jsonrpc":"2.0","id":1,"method":"getinfo","params":[]}"""u8.ToArray(),
        """{"jsonrpc":"2.0","id":"cli:connect#42/cln:1","method":"connect","params":{"id":"02aa@127.0.0.1:9735","port":9735}}"""u8.ToArray(),
        """ {"jsonrpc":"2.0","id":2,"method":"echo","params":[[1,{"a":"b"}],"x"]}  {"jsonrpc":"2.0","id":3,"method":"nosuch","params":{}}"""u8.ToArray(),
        """{"jsonrpc":"2.0","id":null,"method":"echo","params":{"value":"\u00e9\ud83d\ude00","extra":1.5e300}}"""u8.ToArray(),
        """["not", "an", "object"] 17 "text" {"id":1}"""u8.ToArray(),
    ];

    [Fact]
    public void MutatedRequestStreamsAreSplitAndPreparedOrRefused()
    {
        Fuzzer.Run(
            // Base: System.Text.Json reports malformed JSON by throwing, and one JsonException costs ~50 KB of garbage.
            // Per byte: the smallest value ("" or 0) still costs a parsed document and an error response, about 1 KiB,
            // all of it garbage once answered; what a client can make us hold is bounded by RpcLimits instead.
            new FuzzTarget("CLN JSON-RPC stream + dispatcher", Corpus, Process) { Inputs = 30_000, AllocationBase = 96 * 1024, AllocationPerByte = 1024 },
            output);
    }

    [Fact]
    public void ValuesWrittenBackToBackSplitBackUnderAnyFragmentation()
    {
        Property.Check("JSON-RPC stream split round trip", 1_000, random =>
        {
            // Objects, as requests are: scalars written back to back without a separator would run together ("1" "2").
            var values = Enumerable.Range(0, 1 + random.Next(5)).Select(_ => new JsonObject { ["v"] = RandomValue(random, 3) }.ToJsonString()).ToArray();
            var text = string.Concat(values.Select(v => new string(' ', random.Next(3)) + v + (random.Next(2) == 0 ? "\n" : "")));
            var bytes = Encoding.UTF8.GetBytes(text);
            var cut = random.Next(bytes.Length + 1);

            // A pipe's contract: what was not consumed is handed back with the new bytes.
            var reader = new JsonRpcStreamReader();
            var read = new List<string>();
            var buffered = Fragmentation.Sequence(bytes.AsMemory(0, cut));
            ReadOnlyMemory<byte> rest = bytes.AsMemory(cut);
            while (true)
            {
                var status = reader.TryRead(buffered, out var value, out var consumed, out var error);
                Assert.True(status is JsonRpcReadStatus.Complete or JsonRpcReadStatus.NeedMoreData, error);
                if (status == JsonRpcReadStatus.Complete)
                {
                    read.Add(Encoding.UTF8.GetString(value));
                    buffered = buffered.Slice(consumed);
                    continue;
                }

                if (rest.IsEmpty)
                {
                    break;
                }

                buffered = Fragmentation.Sequence(buffered.Slice(consumed).ToArray(), rest);
                rest = ReadOnlyMemory<byte>.Empty;
            }

            Assert.Equal(values, read);
        }, output);
    }

    private static FuzzVerdict Process(byte[] input)
    {
        var reader = new JsonRpcStreamReader(MaxValueBytes);
        var sequence = Fragmentation.Sequence(input.AsMemory(0, input.Length / 2), input.AsMemory(input.Length / 2));
        var verdict = FuzzVerdict.Decoded;
        while (true)
        {
            var status = reader.TryRead(sequence, out var value, out var consumed, out _);
            switch (status)
            {
                case JsonRpcReadStatus.Complete:
                    var prepared = Dispatcher.Prepare(value);
                    if (prepared.Call is { } call)
                    {
                        call.Dispose();
                    }
                    else
                    {
                        Assert.NotNull(prepared.ImmediateResponse);
                        verdict = FuzzVerdict.Rejected;
                    }

                    sequence = sequence.Slice(consumed);
                    continue;
                case JsonRpcReadStatus.NeedMoreData:
                    return verdict;
                default:
                    return FuzzVerdict.Rejected;
            }
        }
    }

    private static JsonNode? RandomValue(Random random, int depth) => random.Next(depth <= 0 ? 4 : 6) switch
    {
        0 => JsonValue.Create(random.Next()),
        1 => JsonValue.Create(new string((char)random.Next(32, 0xd7ff), random.Next(5))),
        2 => JsonValue.Create(random.NextDouble() * 1e10),
        3 => JsonValue.Create(random.Next(2) == 0),
        4 => new JsonArray([.. Enumerable.Range(0, random.Next(4)).Select(_ => RandomValue(random, depth - 1))]),
        _ => new JsonObject(Enumerable.Range(0, random.Next(4)).Select(i => KeyValuePair.Create($"k{i}", RandomValue(random, depth - 1)))),
    };

    private static RpcDispatcher NewDispatcher()
    {
        var dispatcher = new RpcDispatcher();
        dispatcher.Register("echo", [RpcParameter.Required("value"), RpcParameter.Optional("extra")], (call, _) =>
            ValueTask.FromResult<RpcResult>(new JsonObject { ["value"] = call.Parameters.Get("value")?.GetRawText() }));
        dispatcher.Register("getinfo", [], (_, _) => ValueTask.FromResult<RpcResult>(new JsonObject()));
        dispatcher.Register("connect", [RpcParameter.Required("id"), RpcParameter.Optional("host"), RpcParameter.Optional("port")], (_, _) =>
            ValueTask.FromResult<RpcResult>(new JsonObject()));
        return dispatcher;
    }
}
