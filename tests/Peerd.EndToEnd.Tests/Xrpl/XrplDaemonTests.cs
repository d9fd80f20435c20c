using System.Text.Json.Nodes;
using Peerd.EndToEnd.Tests.Infrastructure;

namespace Peerd.EndToEnd.Tests.Xrpl;

/// <summary>
/// The XRPL side of the daemon as a user drives it: two <c>peerd --xrpl</c> processes, <c>peerd-cli xrpl</c> and
/// the HTTP admin API.
/// </summary>
public sealed class XrplDaemonTests
{

    [Fact]
    public async Task TwoDaemonsConnectThroughTheCliAndSeeEachOtherInPeers()
    {
        await using var a = await PeerdProcess.StartAsync(extraArguments: XrplDaemon.Arguments);
        await using var b = await PeerdProcess.StartAsync(extraArguments: XrplDaemon.Arguments);
        var (aKey, _, aAdmin) = await XrplDaemon.EndpointsAsync(a);
        var (bKey, bPeer, bAdmin) = await XrplDaemon.EndpointsAsync(b);

        var info = await CliAsync(aAdmin, "server_info");
        Assert.Equal(aKey, info["result"]!["info"]!["pubkey_node"]!.GetValue<string>());

        var connect = await CliAsync(aAdmin, "connect", "127.0.0.1", bPeer.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("connecting", connect["result"]!["message"]!.GetValue<string>());

        var fromA = await WaitForPeerAsync(aAdmin, bKey);
        Assert.StartsWith("XRPL/2.", fromA["protocol"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(fromA["inbound"]);
        var fromB = await WaitForPeerAsync(bAdmin, aKey);
        Assert.True(fromB["inbound"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AWrongArgumentCountIsBadSyntaxAndAFailedDialIsReportedWhenWaitedFor()
    {
        await using var a = await PeerdProcess.StartAsync(extraArguments: XrplDaemon.Arguments);
        var (_, _, admin) = await XrplDaemon.EndpointsAsync(a);
        var syntax = await CliAsync(admin, "connect");
        Assert.Equal("badSyntax", syntax["error"]!.GetValue<string>());

        int closed;
        await using (var listener = new FakeListener(FakeListener.Behaviour.Silent))
        {
            closed = listener.Port;
        }

        using var http = new HttpClient();
        var body = new StringContent($"{{\"method\":\"connect\",\"params\":[{{\"ip\":\"127.0.0.1\",\"port\":{closed},\"wait\":true}}]}}");
        var reply = JsonNode.Parse(await (await http.PostAsync(new Uri($"http://127.0.0.1:{admin}/"), body)).Content.ReadAsStringAsync())!;
        Assert.Equal("error", reply["result"]!["status"]!.GetValue<string>());
        Assert.Contains("refused", reply["result"]!.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<JsonObject> CliAsync(int adminPort, params string[] args)
    {
        await using var cli = ChildProcess.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "peerd-cli.dll"), "xrpl", $"--xrpl-admin-addr=127.0.0.1:{adminPort}", .. args]);
        var output = new System.Text.StringBuilder();
        try
        {
            while (true)
            {
                output.AppendLine(await cli.WaitForLineAsync(_ => true, "output"));
            }
        }
        catch (TimeoutException)
        {
        }

        await cli.WaitForExitAsync();
        var text = output.ToString();
        return JsonNode.Parse(text[text.IndexOf('{', StringComparison.Ordinal)..])!.AsObject();
    }

    private static async Task<JsonObject> WaitForPeerAsync(int adminPort, string key)
    {
        var deadline = DateTime.UtcNow + ChildProcess.Deadline;
        while (true)
        {
            var peers = (await CliAsync(adminPort, "peers"))["result"]!["peers"] as JsonArray;
            var peer = peers?.FirstOrDefault(p => p!["public_key"]!.GetValue<string>() == key);
            if (peer is not null)
            {
                return peer.AsObject();
            }

            Assert.True(DateTime.UtcNow < deadline, $"{key} never appeared in peers");
            await Task.Delay(50);
        }
    }
}
