using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Peerd.ClnRpc.Dispatch;
using Peerd.ClnRpc.Protocol;

namespace Peerd.ClnRpc.Tests.Protocol;

/// <summary>A result streamed in pieces (<see cref="RpcResult.StreamedArray"/>) reads exactly as the same result written whole.</summary>
public class StreamedResultTests
{
    private const int Items = 5_000;

    /// <summary>A producer of <paramref name="count"/> items, <paramref name="perCall"/> per call, counting its calls.</summary>
    private sealed class Producer(int count, int perCall)
    {
        private int _next;

        public int Calls { get; private set; }

        public bool WriteNext(Utf8JsonWriter writer)
        {
            Calls++;
            for (int end = Math.Min(count, _next + perCall); _next < end; _next++)
            {
                writer.WriteStartObject();
                writer.WriteNumber("n", _next);
                writer.WriteString("name", "item-" + _next + " with some padding to make it longer");
                writer.WriteStartObject("nested");
                writer.WriteBoolean("even", _next % 2 == 0);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            return _next < count;
        }

        public JsonObject Whole()
        {
            var items = new JsonArray();
            for (int i = 0; i < count; i++)
            {
                items.Add(new JsonObject { ["n"] = i, ["name"] = "item-" + i + " with some padding to make it longer", ["nested"] = new JsonObject { ["even"] = i % 2 == 0 } });
            }

            return new JsonObject { ["things"] = items };
        }
    }

    private static RpcDispatcher Dispatcher(Func<RpcResult> result)
    {
        var dispatcher = new RpcDispatcher();
        dispatcher.Register("things", [], (_, _) => ValueTask.FromResult(result()));
        dispatcher.Register("whole", [], (_, _) => ValueTask.FromResult<RpcResult>(new Producer(Items, 100).Whole()));
        return dispatcher;
    }

    private static async Task<List<byte[]>> StreamAsync(RpcDispatcher dispatcher, string request)
    {
        var prepared = dispatcher.Prepare(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(request)));
        var pieces = new List<byte[]>();
        await dispatcher.InvokeAsync(prepared.Call!, piece =>
        {
            pieces.Add(piece.ToArray());
            return ValueTask.CompletedTask;
        }, CancellationToken.None);
        return pieces;
    }

    private static string Request(string method, string? filter = null) =>
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":{}" + (filter is null ? "" : ",\"filter\":" + filter) + "}";

    [Fact]
    public async Task AStreamedResultGoesOutInBoundedPiecesThatTogetherAreTheWholeResponse()
    {
        var dispatcher = Dispatcher(() => RpcResult.StreamedArray("things", new Producer(Items, 100).WriteNext));

        var pieces = await StreamAsync(dispatcher, Request("things"));
        var whole = await dispatcher.HandleAsync(Encoding.UTF8.GetBytes(Request("whole")));

        Assert.True(pieces.Count > 5, $"{pieces.Count} pieces");
        Assert.All(pieces, p => Assert.True(p.Length < RpcLimits.ResponsePieceBytes + 16_384, $"a piece of {p.Length} bytes"));
        Assert.Equal(Encoding.UTF8.GetString(whole), Encoding.UTF8.GetString([.. pieces.SelectMany(p => p)]));
    }

    [Fact]
    public async Task TheProducerWaitsForEachPieceToBeSent()
    {
        var producer = new Producer(Items, 100);
        var dispatcher = Dispatcher(() => RpcResult.StreamedArray("things", producer.WriteNext));
        var prepared = dispatcher.Prepare(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(Request("things"))));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int sends = 0;
        int callsAtFirstSend = 0;

        var streaming = dispatcher.InvokeAsync(prepared.Call!, async _ =>
        {
            if (++sends == 1)
            {
                callsAtFirstSend = producer.Calls;
                await gate.Task;
            }
        }, CancellationToken.None).AsTask();

        Assert.False(streaming.IsCompleted);
        Assert.Equal(1, sends);
        Assert.Equal(callsAtFirstSend, producer.Calls); // nothing more is written while the first piece is unsent
        gate.SetResult();
        await streaming;
        Assert.True(producer.Calls > callsAtFirstSend);
    }

    [Theory]
    [InlineData("{\"things\":[{\"n\":true,\"nested\":{\"even\":true}}]}")]
    [InlineData("{\"things\":[{\"name\":true}]}")]
    [InlineData("{\"things\":true}")]
    [InlineData("{\"things\":{\"n\":true}}")] // an object template met by array elements: Core Lightning's warning
    [InlineData("{\"other\":true}")]
    [InlineData("{}")]
    public async Task AFilteredStreamedResultIsTheWholeResultFiltered(string filter)
    {
        var dispatcher = Dispatcher(() => RpcResult.StreamedArray("things", new Producer(Items, 100).WriteNext));

        var pieces = await StreamAsync(dispatcher, Request("things", filter));
        var whole = await dispatcher.HandleAsync(Encoding.UTF8.GetBytes(Request("whole", filter)));

        Assert.Equal(Encoding.UTF8.GetString(whole), Encoding.UTF8.GetString([.. pieces.SelectMany(p => p)]));
    }

    [Fact]
    public async Task AProducerThatFailsBeforeItsFirstPieceGivesAnError()
    {
        var dispatcher = Dispatcher(() => RpcResult.StreamedArray("things", _ => throw new InvalidOperationException("boom")));

        var pieces = await StreamAsync(dispatcher, Request("things"));

        Assert.Equal(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-1,\"message\":\"Internal error in things: result could not be written: boom\"}}\n\n",
            Encoding.UTF8.GetString(Assert.Single(pieces)));
    }

    [Fact]
    public async Task AProducerThatFailsAfterAPieceWentOutThrowsSoTheConnectionEnds()
    {
        var producer = new Producer(Items, 100);
        var dispatcher = Dispatcher(() => RpcResult.StreamedArray("things", w => producer.Calls < 20 ? producer.WriteNext(w) : throw new InvalidOperationException("boom")));

        await Assert.ThrowsAsync<InvalidOperationException>(() => StreamAsync(dispatcher, Request("things")));
    }

    [Fact]
    public void WrittenWholeAStreamedResultIsTheSameObject()
    {
        var bytes = JsonRpcResponseWriter.Write("1", RpcResult.StreamedArray("things", new Producer(3, 2).WriteNext), "m");

        Assert.Equal(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"things\":[" + string.Join(",", Enumerable.Range(0, 3).Select(i =>
                "{\"n\":" + i + ",\"name\":\"item-" + i + " with some padding to make it longer\",\"nested\":{\"even\":" + (i % 2 == 0 ? "true" : "false") + "}}")) + "]}}\n\n",
            Encoding.UTF8.GetString(bytes));
    }
}
