namespace Peerd.Daemon.Signals;

/// <summary>
/// Bounds the shutdown that <c>SIGTERM</c>, <c>SIGINT</c> or the <c>stop</c> command starts. A service manager waits
/// for the process to exit and then kills it (systemd's <c>TimeoutStopSec</c>, 90 s unless the unit says otherwise;
/// packaging/systemd/peerd.service sets 30 s): the daemon gives up on its own first, says so and exits, so an operator
/// sees why the stop was slow instead of a bare <c>SIGKILL</c>.
/// </summary>
public static class ShutdownDeadline
{
    /// <summary>
    /// 20 s: closing every listener, peer and client is local work that takes milliseconds on an idle or a loaded node
    /// (tests/Peerd.EndToEnd.Tests/Faults/ShutdownTests), so 20 s means something is stuck; it is comfortably inside
    /// the unit's 30 s <c>TimeoutStopSec</c>.
    /// </summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(20);

    /// <summary>Runs <paramref name="shutdown"/>; true when it finished within <paramref name="deadline"/>.</summary>
    /// <remarks>When the deadline passes the work is abandoned, not cancelled: the caller is about to exit.</remarks>
    public static async Task<bool> RunAsync(Func<ValueTask> shutdown, TimeSpan deadline)
    {
        ArgumentNullException.ThrowIfNull(shutdown);
        var work = Task.Run(async () => await shutdown().ConfigureAwait(false));
        using var timer = new CancellationTokenSource();
        var finished = await Task.WhenAny(work, Task.Delay(deadline, timer.Token)).ConfigureAwait(false);
        if (finished != work)
        {
            return false;
        }

        await timer.CancelAsync().ConfigureAwait(false);
        await work.ConfigureAwait(false);
        return true;
    }
}
