using Peerd.EndToEnd.Tests.Infrastructure;
using Peerd.ClnRpc;

namespace Peerd.EndToEnd.Tests.Faults;

/// <summary>
/// RPC clients that stall: one sends half a request and waits (the daemon serves others meanwhile and answers it
/// when the rest arrives); as many stalled clients as <see cref="RpcLimits.MaxClients"/> do not stop the daemon from
/// serving the next client once one of them leaves. (A client that leaves mid-request:
/// <c>RpcSocketTests.AClientThatLeavesMidRequestDoesNotDisturbTheDaemon</c>; an oversized request:
/// <c>UnixSocketRpcServerTests.AnswersAnOversizedRequestWithAnErrorAndCloses</c>.)
/// </summary>
public sealed class RpcClientFaultTests(PeerdFixture fixture) : IClassFixture<PeerdFixture>
{
    private const string FirstHalf = "{\"jsonrpc\":\"2.0\",\"id\":\"half\",\"method\":\"get";
    private const string SecondHalf = "info\",\"params\":[]}";

    [Fact]
    public async Task HalfARequestHoldsOnlyItsOwnConnection()
    {
        await using var stalled = await fixture.Daemon.RpcAsync();
        await stalled.SendRawAsync(FirstHalf);

        await using (var other = await fixture.Daemon.RpcAsync())
        {
            Assert.Equal(fixture.Daemon.NodeId, (await other.ResultAsync("getinfo"))["id"]!.GetValue<string>());
        }

        await stalled.SendRawAsync(SecondHalf);
        var response = await stalled.ReadResponseAsync();
        Assert.Equal("half", response["id"]!.GetValue<string>());
        Assert.Equal(fixture.Daemon.NodeId, response["result"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ClientsStalledUpToTheLimitDoNotStopTheDaemonServingTheNextOne()
    {
        var stalled = new List<RpcClient>();
        try
        {
            for (var i = 0; i < RpcLimits.MaxClients; i++)
            {
                var client = await fixture.Daemon.RpcAsync();
                stalled.Add(client);
                await client.SendRawAsync(FirstHalf);
            }

            // One more client: it waits in the listen backlog while every slot is held.
            await using var next = await fixture.Daemon.RpcAsync();
            var answer = next.CallAsync("getinfo");

            // One stalled client finishes its request, reads its answer and leaves: its slot serves the waiting one.
            await stalled[0].SendRawAsync(SecondHalf);
            Assert.Equal("half", (await stalled[0].ReadResponseAsync())["id"]!.GetValue<string>());
            await stalled[0].DisposeAsync();
            stalled.RemoveAt(0);
            Assert.Equal(fixture.Daemon.NodeId, (await answer.WaitAsync(ChildProcess.Deadline))["result"]!["id"]!.GetValue<string>());
        }
        finally
        {
            foreach (var client in stalled)
            {
                await client.DisposeAsync();
            }
        }
    }
}
