using Peerd.EndToEnd.Tests.Infrastructure;

namespace Peerd.EndToEnd.Tests.Operations;

/// <summary>
/// Real signals to a real daemon, as a service manager and logrotate send them: <c>SIGHUP</c> reopens the log file
/// (Core Lightning's behaviour, its <c>test_logging</c>) and never stops the daemon; <c>SIGTERM</c> then stops it
/// cleanly. (<c>SIGTERM</c> with peers and clients connected: <c>Faults/ShutdownTests</c>.)
/// </summary>
public sealed class SignalTests
{
    private const int Sighup = 1;
    private const int Sigterm = 15;

    [Fact]
    public async Task SighupReopensTheLogFileForLogrotateAndRepeatedSighupsKeepTheDaemonRunning()
    {
        await using var daemon = await PeerdProcess.StartAsync();
        await LogAssert.ContainsAsync(daemon, "Server started");

        for (var round = 1; round <= 2; round++)
        {
            var moved = daemon.LogPath + "." + round;
            File.Move(daemon.LogPath, moved);
            daemon.Process.Signal(Sighup);
            await LogAssert.ContainsAsync(daemon, "INFO peerd: Started log due to SIGHUP");

            var old = await File.ReadAllTextAsync(moved);
            Assert.Contains("Ending log due to SIGHUP", old, StringComparison.Ordinal);
            Assert.DoesNotContain("Started log due to SIGHUP", old.Split("Ending log due to SIGHUP")[^1], StringComparison.Ordinal);
            Assert.DoesNotContain("Ending log due to SIGHUP", daemon.ReadLog(), StringComparison.Ordinal);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(daemon.LogPath));
        }

        await using (var rpc = await daemon.RpcAsync())
        {
            Assert.Equal(daemon.NodeId, (await rpc.ResultAsync("getinfo"))["id"]!.GetValue<string>());
        }

        // Later lines go to the new file.
        Assert.False(daemon.Process.HasExited);
        daemon.Process.Signal(Sigterm);
        Assert.Equal(0, await daemon.Process.WaitForExitAsync());
        Assert.Contains("Shutting down", daemon.ReadLog(), StringComparison.Ordinal);
        Assert.DoesNotContain("Shutting down", await File.ReadAllTextAsync(daemon.LogPath + ".2"), StringComparison.Ordinal);
        Assert.DoesNotContain(" BROKEN ", await File.ReadAllTextAsync(daemon.LogPath + ".1"), StringComparison.Ordinal);
    }
}
