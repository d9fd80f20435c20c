using System.Text.Json.Nodes;
using Peerd.EndToEnd.Tests.Infrastructure;
using Peerd.EndToEnd.Tests.Lightning;

namespace Peerd.EndToEnd.Tests.Rpc;

/// <summary>A request's <c>filter</c> member against running daemons (Core Lightning's field filtering).</summary>
public sealed class FilterTests(TwoNodesFixture nodes) : IClassFixture<TwoNodesFixture>
{
    [Fact]
    public async Task ListPeersKeepsOnlyTheFilteredFieldsOfARealPeer()
    {
        await using var a = await nodes.A.RpcAsync();
        await using var b = await nodes.B.RpcAsync();
        await a.ResultAsync("connect", new JsonArray(nodes.B.NodeId, "127.0.0.1", nodes.B.Port));
        await NodeLightningInteropTests.WaitForPeerAsync(a, nodes.B.NodeId);

        var response = await CallAsync(a, "listpeers", "{\"peers\":[{\"id\":true,\"netaddr\":true}]}");

        Assert.Equal(
            $"{{\"jsonrpc\":\"2.0\",\"id\":\"f\",\"result\":{{\"peers\":[{{\"id\":\"{nodes.B.NodeId}\",\"netaddr\":[\"127.0.0.1:{nodes.B.Port}\"]}}]}}}}\n\n",
            response);

        Assert.Empty(await a.ResultAsync("disconnect", new JsonObject { ["id"] = nodes.B.NodeId, ["force"] = true }));
        await a.WaitForNoPeersAsync();
        await b.WaitForNoPeersAsync();
    }

    [Fact]
    public async Task GetInfoKeepsTheNamedFieldsInItsOwnOrder()
    {
        await using var rpc = await nodes.A.RpcAsync();
        var full = await rpc.ResultAsync("getinfo");

        var response = await CallAsync(rpc, "getinfo", "{\"network\":true,\"id\":true,\"our_features\":{\"init\":true},\"nosuch\":true}");

        var expected = new JsonObject
        {
            ["id"] = nodes.A.NodeId,
            ["network"] = full["network"]!.DeepClone(),
            ["our_features"] = new JsonObject { ["init"] = full["our_features"]!["init"]!.DeepClone() },
        };
        Assert.Equal($"{{\"jsonrpc\":\"2.0\",\"id\":\"f\",\"result\":{expected.ToJsonString()}}}\n\n", response);
    }

    [Fact]
    public async Task AMalformedFilterGetsCoreLightningsErrorAndTheConnectionStaysUsable()
    {
        await using var rpc = await nodes.A.RpcAsync();

        var response = await CallAsync(rpc, "getinfo", "{\"id\":[]}");

        Assert.Equal(
            "{\"jsonrpc\":\"2.0\",\"id\":\"f\",\"error\":{\"code\":-32602,\"message\":\"filter: Arrays can only have one element: invalid token (see logs for details)\"}}\n\n",
            response);
        Assert.Equal(nodes.A.NodeId, (await rpc.ResultAsync("getinfo"))["id"]!.GetValue<string>());
    }

    private static async Task<string> CallAsync(RpcClient rpc, string method, string filter)
    {
        await rpc.SendRawAsync($"{{\"jsonrpc\":\"2.0\",\"id\":\"f\",\"method\":\"{method}\",\"filter\":{filter},\"params\":{{}}}}");
        return await rpc.ReadRawResponseAsync();
    }
}
