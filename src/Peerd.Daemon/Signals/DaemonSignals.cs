using System.Runtime.InteropServices;

namespace Peerd.Daemon.Signals;

/// <summary>
/// The daemon's signals, as Core Lightning's <c>lightningd</c> treats them. <c>SIGTERM</c> and <c>SIGINT</c> start a
/// clean shutdown (bounded by <see cref="ShutdownDeadline"/>). <c>SIGHUP</c> reopens <c>--log-file</c> so that
/// logrotate can move the file away (lightningd's <c>log.c</c>: "Ending log due to SIGHUP" is the old file's last
/// line, "Started log due to SIGHUP" the new file's first); it never stops the daemon, however often it comes.
/// </summary>
public sealed class DaemonSignals : IDisposable
{
    private readonly PosixSignalRegistration _sigterm;
    private readonly PosixSignalRegistration _sigint;
    private readonly PosixSignalRegistration _sighup;
    private Action? _hangup;

    private DaemonSignals(CancellationTokenSource stop)
    {
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        _sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Hangup);

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    /// <summary>Takes over the signals: from now on <c>SIGTERM</c>/<c>SIGINT</c> cancel <paramref name="stop"/>.</summary>
    public static DaemonSignals Register(CancellationTokenSource stop)
    {
        ArgumentNullException.ThrowIfNull(stop);
        return new DaemonSignals(stop);
    }

    /// <summary>What <c>SIGHUP</c> does once the node runs; until then a <c>SIGHUP</c> is ignored.</summary>
    public void OnHangup(Action hangup) => Volatile.Write(ref _hangup, hangup);

    /// <inheritdoc />
    public void Dispose()
    {
        _sighup.Dispose();
        _sigint.Dispose();
        _sigterm.Dispose();
    }

    private void Hangup(PosixSignalContext context)
    {
        // Cancel = true keeps the default action (terminate) from running: a hang-up is a request, not an end.
        context.Cancel = true;
        Volatile.Read(ref _hangup)?.Invoke();
    }
}
