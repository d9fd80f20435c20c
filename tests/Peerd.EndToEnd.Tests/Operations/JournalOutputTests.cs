using System.Text.RegularExpressions;
using Peerd.EndToEnd.Tests.Infrastructure;

namespace Peerd.EndToEnd.Tests.Operations;

/// <summary>
/// Console output when systemd's journal reads it: systemd sets <c>JOURNAL_STREAM</c> to the device and inode of
/// the stream it connected, and the daemon then writes <c>&lt;N&gt;</c> syslog priorities and no timestamps or
/// colours. The launcher here sets the variable the same way, from the daemon's real standard output.
/// </summary>
public sealed partial class JournalOutputTests
{
    [Fact]
    public async Task WhenStdoutIsTheJournalLinesCarrySyslogPrioritiesAndNoColours()
    {
        await using var daemon = await PeerdProcess.StartAsync(launcher: Launcher("$(stat -L -c %d:%i /proc/$$/fd/1)"));
        var started = await daemon.Process.WaitForLineAsync(l => l.Contains("Server started", StringComparison.Ordinal), "start line");
        Assert.Matches(JournalLine(), started);
        Assert.StartsWith("<6>peerd[", started, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', started);
    }

    [Fact]
    public async Task AJournalStreamOfAnotherFileIsIgnored()
    {
        // Inherited from a parent whose output went to the journal, while ours goes elsewhere (a pipe here).
        await using var daemon = await PeerdProcess.StartAsync(launcher: Launcher("$(stat -L -c %d:%i /)"));
        var started = await daemon.Process.WaitForLineAsync(l => l.Contains("Server started", StringComparison.Ordinal), "start line");
        Assert.Matches(TimestampedLine(), started);
    }

    private static string[] Launcher(string journalStream) =>
        ["sh", "-c", $"JOURNAL_STREAM=\"{journalStream}\"; export JOURNAL_STREAM; exec \"$@\"", "sh"];

    [GeneratedRegex(@"^<6>peerd\[\d+\] Server started with public key [0-9a-f]{66}")]
    private static partial Regex JournalLine();

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z info: peerd\[\d+\] Server started")]
    private static partial Regex TimestampedLine();
}
