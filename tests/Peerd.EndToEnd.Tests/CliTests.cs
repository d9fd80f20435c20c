using System.Text.Json.Nodes;
using Peerd.Crypto;
using Peerd.EndToEnd.Tests.Infrastructure;
using Peerd.Primitives;

namespace Peerd.EndToEnd.Tests;

/// <summary>The <c>peerd-cli</c> program against a running daemon: output format and exit codes.</summary>
public sealed class CliTests(PeerdFixture fixture) : IClassFixture<PeerdFixture>
{
    private async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var all = new List<string> { Path.Combine(AppContext.BaseDirectory, "peerd-cli.dll"), $"--lightning-dir={fixture.Daemon.Directory}", "--network=regtest" };
        all.AddRange(args);
        await using var cli = ChildProcess.Start("dotnet", all);
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
            // stdout closed: the program is exiting (WaitForExitAsync below fails the test if it is not).
        }

        return (await cli.WaitForExitAsync(), output.ToString());
    }

    [Fact]
    public async Task ResultsArePrintedIndentedByThreeSpaces()
    {
        var (code, output) = await RunAsync("getinfo");
        Assert.Equal(0, code);
        Assert.StartsWith("{\n   \"id\": \"" + fixture.Daemon.NodeId + "\",", output.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(fixture.Daemon.NodeId, JsonNode.Parse(output)!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnRpcErrorIsPrintedOnStdoutWithExitCodeOne()
    {
        int closed;
        await using (var listener = new FakeListener(FakeListener.Behaviour.Silent))
        {
            closed = listener.Port;
        }

        var id = Hex.Encode(StaticKey.Generate().PublicKey);
        var (code, output) = await RunAsync("connect", id, "127.0.0.1", closed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, code);
        var error = JsonNode.Parse(output)!;
        Assert.Equal(401, error["code"]!.GetValue<int>());
        Assert.Equal($"All addresses failed: 127.0.0.1:{closed}: Connection establishment: Connection refused. ", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task KeywordModeIsDetectedAndNumbersAreSentAsNumbers()
    {
        var (code, output) = await RunAsync("connect", $"id={fixture.Daemon.NodeId}", "host=127.0.0.1", "port=0");
        Assert.Equal(1, code);
        Assert.Equal("port: should be non-zero: invalid token (see logs for details)", JsonNode.Parse(output)!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task AKeywordModeArgumentWithoutEqualsIsAUsageError()
    {
        var (code, _) = await RunAsync("-k", "connect", "nokeyvalue");
        Assert.Equal(3, code);
    }

    [Fact]
    public async Task NoDaemonIsExitCodeTwo()
    {
        await using var cli = ChildProcess.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "peerd-cli.dll"), "--lightning-dir=/nonexistent-peerd", "getinfo"]);
        Assert.Equal(2, await cli.WaitForExitAsync());
        Assert.Contains("/nonexistent-peerd/bitcoin/lightning-rpc", cli.StandardError, StringComparison.Ordinal);
    }
}
