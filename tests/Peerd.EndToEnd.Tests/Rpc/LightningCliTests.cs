using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Peerd.EndToEnd.Tests.Infrastructure;

namespace Peerd.EndToEnd.Tests.Rpc;

/// <summary>
/// Core Lightning's own <c>lightning-cli</c> (v25.12.1, built from its release source) driving a running daemon
/// unchanged. It is not a Debian or npm package, so CI cannot install it: these run when
/// <c>PEERD_LIGHTNING_CLI</c> names the binary and are reported as skipped, with that reason, when it does not.
/// <see cref="LightningCliExchangeTests"/> replays its byte exchange in CI.
/// </summary>
public sealed class LightningCliTests(TwoNodesFixture nodes) : IClassFixture<TwoNodesFixture>
{
    /// <summary>The environment variable naming the <c>lightning-cli</c> binary.</summary>
    public const string Variable = "PEERD_LIGHTNING_CLI";

    private string Port => nodes.B.Port.ToString(CultureInfo.InvariantCulture);

    [LightningCliFact]
    public async Task GetinfoAnswersWithExitCodeZero()
    {
        var (code, output) = await RunAsync("getinfo");

        Assert.Equal(0, code);
        Assert.Equal(nodes.A.NodeId, JsonNode.Parse(output)!["id"]!.GetValue<string>());
    }

    [LightningCliFact]
    public async Task ConnectListpeersAndDisconnectInEveryArgumentStyle()
    {
        string[][] styles =
        [
            ["connect", $"{nodes.B.NodeId}@127.0.0.1:{Port}"],
            ["connect", nodes.B.NodeId, "127.0.0.1", Port],
            ["-k", "connect", $"id={nodes.B.NodeId}", "host=127.0.0.1", $"port={Port}"],
        ];
        foreach (var style in styles)
        {
            var (code, output) = await RunAsync(style);
            Assert.True(code == 0, $"{string.Join(' ', style)} → {code}: {output}");
            Assert.Equal(nodes.B.NodeId, JsonNode.Parse(output)!["id"]!.GetValue<string>());

            var (listCode, list) = await RunAsync("listpeers");
            Assert.Equal(0, listCode);
            var peer = Assert.Single(JsonNode.Parse(list)!["peers"]!.AsArray())!;
            Assert.Equal(nodes.B.NodeId, peer["id"]!.GetValue<string>());
            Assert.True(peer["connected"]!.GetValue<bool>());

            var (disconnectCode, disconnected) = await RunAsync("disconnect", nodes.B.NodeId, "true");
            Assert.Equal(0, disconnectCode);
            Assert.Equal("{}", disconnected.Trim());
            await WaitForNoPeersAsync();
        }
    }

    [LightningCliFact]
    public async Task HelpListsTheCommandsInItsOwnLayout()
    {
        var (code, output) = await RunAsync("help");

        Assert.Equal(0, code);
        Assert.Contains("connect id [host] [port] [timeout]\n\n", output, StringComparison.Ordinal);
        Assert.EndsWith("---\nrun `lightning-cli help <command>` for more information on a specific command\n", output, StringComparison.Ordinal);
    }

    [LightningCliFact]
    public async Task AnRpcErrorIsPrintedWithExitCodeOne()
    {
        var (code, output) = await RunAsync("connect", "nosuchid");

        Assert.Equal(1, code);
        var error = JsonNode.Parse(output)!;
        Assert.Equal(-32602, error["code"]!.GetValue<int>());
        Assert.Equal("id: should be a node id: invalid token (see logs for details)", error["message"]!.GetValue<string>());
    }

    [LightningCliFact]
    public async Task HumanAndFlatOutput()
    {
        var (humanCode, human) = await RunAsync("-H", "getinfo");
        Assert.Equal(0, humanCode);
        Assert.StartsWith($"id={nodes.A.NodeId}\nalias=", human, StringComparison.Ordinal);

        await RunAsync("connect", nodes.B.NodeId, "127.0.0.1", Port);
        var (flatCode, flat) = await RunAsync("-F", "listpeers");
        Assert.Equal(0, flatCode);
        Assert.Contains($"peers[0].id={nodes.B.NodeId}\npeers[0].connected=true\n", flat, StringComparison.Ordinal);
        Assert.Contains($"peers[0].netaddr[0]=127.0.0.1:{Port}\n", flat, StringComparison.Ordinal);
        await RunAsync("disconnect", nodes.B.NodeId, "true");
        await WaitForNoPeersAsync();
    }

    private Task WaitForNoPeersAsync() =>
        Eventually.TrueAsync(
            async () => JsonNode.Parse((await RunAsync("listpeers")).Output)!["peers"]!.AsArray().Count == 0
                && JsonNode.Parse((await RunAsync(nodes.B, "listpeers")).Output)!["peers"]!.AsArray().Count == 0,
            "the peers leaving");

    private Task<(int Code, string Output)> RunAsync(params string[] arguments) => RunAsync(nodes.A, arguments);

    /// <summary>Runs lightning-cli against <paramref name="daemon"/>'s socket; stdout and the exit code.</summary>
    private static async Task<(int Code, string Output)> RunAsync(PeerdProcess daemon, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable(Variable)!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add($"--lightning-dir={daemon.Directory}");
        start.ArgumentList.Add($"--network={daemon.Network}");
        start.ArgumentList.Add($"--rpc-file={daemon.RpcPath}");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var cts = new CancellationTokenSource(ChildProcess.Deadline);
        var output = process.StandardOutput.ReadToEndAsync(cts.Token);
        var error = process.StandardError.ReadToEndAsync(cts.Token);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        Assert.True(process.ExitCode is 0 or 1, $"lightning-cli {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}");
        return (process.ExitCode, await output);
    }
}

/// <summary>A fact that needs Core Lightning's <c>lightning-cli</c>: skipped, saying why, without <c>PEERD_LIGHTNING_CLI</c>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LightningCliFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the binary is not given or not there.</summary>
    public LightningCliFactAttribute()
    {
        var path = Environment.GetEnvironmentVariable(LightningCliTests.Variable);
        if (string.IsNullOrEmpty(path))
        {
            Skip = $"{LightningCliTests.Variable} is not set: give the path of Core Lightning v25.12.1's lightning-cli to run this test";
        }
        else if (!File.Exists(path))
        {
            Skip = $"{LightningCliTests.Variable}={path}: no such file";
        }
    }
}
