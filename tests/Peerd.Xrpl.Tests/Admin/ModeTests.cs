using Peerd.Xrpl.Tests.Support;

namespace Peerd.Xrpl.Tests.Admin;

public class ModeTests
{
    [Fact]
    public async Task StandaloneHasNoPeerPortAndRefusesConnect()
    {
        await using var node = await TestNode.StartAsync(o => o with { Standalone = true, PeerEndpoint = null });
        Assert.Null(node.Node.PeerEndpoint);
        var (_, body) = await node.PostAsync("""{"method":"connect","params":[{"ip":"127.0.0.1"}]}""");
        Assert.Equal(
            "{\"result\":{\"error\":\"notSynced\",\"error_code\":18,\"error_message\":\"Cannot connect in stand-alone mode.\",\"request\":{\"command\":\"connect\",\"ip\":\"127.0.0.1\"},\"status\":\"error\"}}",
            body.TrimEnd());
    }

    [Fact]
    public async Task ReportingModeRefusesPeerCommandsBeforeAnythingElse()
    {
        await using var node = await TestNode.StartAsync(o => o with { Reporting = true, Standalone = true, PeerEndpoint = null });
        foreach (var method in new[] { "connect", "peers" })
        {
            var result = (await node.RpcAsync(method))["result"]!;
            Assert.Equal("reportingUnsupported", (string?)result["error"]);
            Assert.Equal(91, (int)result["error_code"]!);
            Assert.Equal("Requested operation not supported by reporting mode server", (string?)result["error_message"]);
        }
    }

    [Fact]
    public async Task StopAnswersThenRaisesStopRequested()
    {
        await using var node = await TestNode.StartAsync();
        var raised = new TaskCompletionSource<string>();
        node.Node.StopRequested += (_, reason) => raised.TrySetResult(reason);
        var (status, body) = await node.PostAsync("""{"method":"stop"}""");
        Assert.Equal(200, status);
        Assert.Equal("{\"result\":{\"message\":\"ripple server stopping\",\"status\":\"success\"}}", body.TrimEnd());
        Assert.StartsWith("stop requested over the admin API by 127.0.0.1:", await raised.Task.WaitAsync(TimeSpan.FromSeconds(30)), StringComparison.Ordinal);
        Assert.True(node.Node.StopRequestedToken.IsCancellationRequested);
    }

    [Fact]
    public async Task StopOverWebSocketRaisesStopRequested()
    {
        await using var node = await TestNode.StartAsync();
        using var socket = await node.OpenWebSocketAsync();
        Assert.Equal("""{"result":{"message":"ripple server stopping"},"status":"success","type":"response"}""", await socket.SendAsync("""{"command":"stop"}"""));
        await Eventually.TrueAsync(() => node.Node.StopRequestedToken.IsCancellationRequested, "stop is requested");
    }
}
