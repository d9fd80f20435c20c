using System.Buffers;
using System.Text;
using System.Text.Json;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Rpc.Methods;
using Peerd.Lightning.Tests.Gossip;
using Peerd.ClnRpc.Dispatch;
using static Peerd.Lightning.Tests.Gossip.Announcements;
using static Peerd.Lightning.Tests.Gossip.ChannelGossip;

namespace Peerd.Lightning.Tests.Rpc.Methods;

public sealed class ListChannelsMethodTests
{
    private static readonly ShortChannelId A = ShortChannelId.From(800_000, 1, 0);

    private static async Task<JsonElement> CallAsync(RpcDispatcher dispatcher, string parameters)
    {
        var response = await dispatcher.HandleAsync(Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"listchannels\",\"params\":" + parameters + "}"));
        return JsonDocument.Parse(response).RootElement;
    }

    private static RpcDispatcher Dispatcher(GraphHarness h)
    {
        var dispatcher = new RpcDispatcher();
        dispatcher.Register(ListChannelsMethod.Create(h.Graph));
        return dispatcher;
    }

    [Fact]
    public async Task AnEntryHasCoreLightningsKeysInItsOrder()
    {
        await using var h = new GraphHarness();
        await h.FeedAsync(Announce(A, 1, 2), Update(A, 1, 2, 1, h.Now));

        var entry = (await CallAsync(Dispatcher(h), "{}")).GetProperty("result").GetProperty("channels").EnumerateArray().Single();

        Assert.Equal(
            ["source", "destination", "short_channel_id", "direction", "public", "amount_msat", "message_flags", "channel_flags", "active",
             "last_update", "base_fee_millisatoshi", "fee_per_millionth", "delay", "htlc_minimum_msat", "htlc_maximum_msat", "features"],
            entry.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Id(1).ToString(), entry.GetProperty("source").GetString());
        Assert.Equal(Id(2).ToString(), entry.GetProperty("destination").GetString());
        Assert.Equal("800000x1x0", entry.GetProperty("short_channel_id").GetString());
        Assert.True(entry.GetProperty("public").GetBoolean());
        Assert.Equal(5_000_000_000UL, entry.GetProperty("amount_msat").GetUInt64());
        Assert.Equal(144, entry.GetProperty("delay").GetInt32());
        Assert.Equal(h.Now, entry.GetProperty("last_update").GetUInt32());
        Assert.Equal("", entry.GetProperty("features").GetString());
    }

    [Fact]
    public async Task TheWholeGraphIsStreamedInPiecesInShortChannelIdOrderAndFiltersSelectAsCoreLightningDoes()
    {
        await using var h = new GraphHarness();
        const int channels = (2 * Tuning.ListChannelsPerPiece) + 10;
        var messages = new List<byte[]>();
        for (int i = channels; i > 0; i--)
        {
            var id = ShortChannelId.From(800_000 + (uint)i, 1, 0);
            int a = 1 + (i % 7), b = 10 + (i % 5);
            messages.AddRange([Announce(id, a, b), Update(id, a, b, a, h.Now), Update(id, a, b, b, h.Now)]);
        }

        await h.FeedAsync([.. messages]);
        var dispatcher = Dispatcher(h);

        var prepared = dispatcher.Prepare(new ReadOnlySequence<byte>("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"listchannels\",\"params\":[]}"u8.ToArray()));
        var pieces = new List<byte[]>();
        await dispatcher.InvokeAsync(prepared.Call!, p => { pieces.Add(p.ToArray()); return ValueTask.CompletedTask; }, CancellationToken.None);
        Assert.True(pieces.Count > 1, $"{pieces.Count} pieces");
        var all = JsonDocument.Parse(pieces.SelectMany(p => p).ToArray()).RootElement.GetProperty("result").GetProperty("channels").EnumerateArray().ToList();
        Assert.Equal(2 * channels, all.Count);
        var ids = all.Select(c => (ShortChannelId.TryParse(c.GetProperty("short_channel_id").GetString(), out var s) ? s : default, c.GetProperty("direction").GetInt32())).ToList();
        Assert.Equal(ids.OrderBy(x => x.Item1.Value).ThenBy(x => x.Item2), ids);

        var source = Id(3).ToString();
        var from3 = (await CallAsync(dispatcher, "{\"source\":\"" + source + "\"}")).GetProperty("result").GetProperty("channels").EnumerateArray().ToList();
        Assert.Equal(all.Count(c => c.GetProperty("source").GetString() == source), from3.Count);
        Assert.NotEmpty(from3);
        var to3 = (await CallAsync(dispatcher, "{\"destination\":\"" + source + "\"}")).GetProperty("result").GetProperty("channels").EnumerateArray().ToList();
        Assert.All(to3, c => Assert.Equal(source, c.GetProperty("destination").GetString()));
        Assert.Equal(from3.Count, to3.Count);
        Assert.Equal(2, (await CallAsync(dispatcher, "[\"800005x1x0\"]")).GetProperty("result").GetProperty("channels").GetArrayLength());
        Assert.Equal(0, (await CallAsync(dispatcher, "[\"1x1x1\"]")).GetProperty("result").GetProperty("channels").GetArrayLength());
    }

    [Fact]
    public async Task TwoFiltersAreRefusedWithCoreLightningsText()
    {
        await using var h = new GraphHarness();

        var error = (await CallAsync(Dispatcher(h), "{\"short_channel_id\":\"1x1x1\",\"source\":\"" + Id(1) + "\"}")).GetProperty("error");

        Assert.Equal(-32602, error.GetProperty("code").GetInt32());
        Assert.Equal(ListChannelsMethod.OneFilterOnly, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task AFilterAppliesToEveryStreamedEntry()
    {
        await using var h = new GraphHarness();
        await h.FeedAsync(Announce(A, 1, 2), Update(A, 1, 2, 1, h.Now), Update(A, 1, 2, 2, h.Now));

        var response = await Dispatcher(h).HandleAsync("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"listchannels\",\"params\":{},\"filter\":{\"channels\":[{\"short_channel_id\":true,\"direction\":true}]}}"u8.ToArray());

        Assert.Equal(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"channels\":[{\"short_channel_id\":\"800000x1x0\",\"direction\":0},{\"short_channel_id\":\"800000x1x0\",\"direction\":1}]}}\n\n",
            Encoding.UTF8.GetString(response));
    }
}
