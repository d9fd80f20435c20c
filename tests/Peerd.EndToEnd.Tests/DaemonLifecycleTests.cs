using System.Text.Json.Nodes;
using Peerd.EndToEnd.Tests.Infrastructure;

namespace Peerd.EndToEnd.Tests;

/// <summary>Start, identity, stop, and the data directory, with real daemon processes.</summary>
public sealed class DaemonLifecycleTests
{
    [Fact]
    public async Task TheNodeIdSurvivesAKillAndRestartAndTheKeyFileIsPrivate()
    {
        var dir = Path.Combine(Path.GetTempPath(), "peerd-restart-" + Guid.NewGuid().ToString("N")[..8]);
        var first = await PeerdProcess.StartAsync(directory: dir);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(dir, "regtest", "node_secret")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(dir));
        first.Process.Signal(9);
        await first.Process.WaitForExitAsync();
        await first.Process.DisposeAsync();

        await using var again = await PeerdProcess.StartAsync(directory: dir);
        Assert.Equal(first.NodeId, again.NodeId);
    }

    [Fact]
    public async Task AWarmUpDirectoryLeftByAKilledDaemonIsRemovedAtTheNextStart()
    {
        var dir = Path.Combine(Path.GetTempPath(), "peerd-warm-up-left-" + Guid.NewGuid().ToString("N")[..8]);
        var left = Path.Combine(dir, "regtest", "warm-up", "a");
        Directory.CreateDirectory(left);
        File.WriteAllText(Path.Combine(left, "gossip_store"), "left by a daemon killed during its warm-up");

        await using var daemon = await PeerdProcess.StartAsync(directory: dir);
        Assert.False(Directory.Exists(Path.Combine(dir, "regtest", "warm-up")));
        await using var rpc = await daemon.RpcAsync();
        Assert.Equal(daemon.NodeId, (await rpc.ResultAsync("getinfo"))["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task SigtermStopsCleanlyAndRemovesTheSocket()
    {
        await using var daemon = await PeerdProcess.StartAsync();
        daemon.Process.Signal(15);
        Assert.Equal(0, await daemon.Process.WaitForExitAsync());
        Assert.False(File.Exists(daemon.RpcPath));
        Assert.Contains("Shutting down", daemon.ReadLog(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStopCommandAnswersThenExits()
    {
        await using var daemon = await PeerdProcess.StartAsync();
        await using (var rpc = await daemon.RpcAsync())
        {
            var response = await rpc.CallAsync("stop");
            Assert.Equal("Shutdown complete", response["result"]!.GetValue<string>());
        }

        Assert.Equal(0, await daemon.Process.WaitForExitAsync());
    }

    [Fact]
    public async Task ASecondDaemonOnTheSameDirectoryRefusesWithAClearError()
    {
        await using var daemon = await PeerdProcess.StartAsync();
        await using var second = ChildProcess.Start("dotnet", [
            Path.Combine(AppContext.BaseDirectory, "peerd.dll"), $"--lightning-dir={daemon.Directory}", "--network=regtest", "--bind-addr=127.0.0.1:0"]);
        Assert.Equal(1, await second.WaitForExitAsync());
        Assert.Contains($"another peerd is already running on {Path.Combine(daemon.Directory, "regtest")} (pid {daemon.Process.Id})", second.StandardError, StringComparison.Ordinal);
        await using var rpc = await daemon.RpcAsync();
        Assert.Equal(daemon.NodeId, (await rpc.ResultAsync("getinfo"))["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnUnknownOptionIsAUsageErrorAndHelpListsTheOptions()
    {
        await using var bad = ChildProcess.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "peerd.dll"), "--no-such-option"]);
        Assert.Equal(1, await bad.WaitForExitAsync());
        Assert.Contains("peerd: unrecognized option '--no-such-option'", bad.StandardError, StringComparison.Ordinal);

        await using var help = ChildProcess.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "peerd.dll"), "--help"]);
        var line = await help.WaitForLineAsync(l => l.Contains("--bind-addr", StringComparison.Ordinal), "help text");
        Assert.Contains("host:port", line, StringComparison.Ordinal);
        Assert.Equal(0, await help.WaitForExitAsync());
    }
}
