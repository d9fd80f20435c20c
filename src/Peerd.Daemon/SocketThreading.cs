namespace Peerd.Daemon;

/// <summary>
/// How socket completions reach our code. By default .NET's epoll thread hands every completed read to a thread-pool
/// worker: two thread wake-ups per network event, and idle workers spin (<c>sched_yield</c>) between them. Peerd's
/// per-event work is short and never blocks (a handshake act is at most two ECDHs, about 70 µs; messages are
/// decrypted and handled in microseconds; file syncs run elsewhere), so the daemon runs continuations on the epoll
/// threads themselves (one per core), as an event loop does: one wake-up per event. Measured with
/// <c>peerd-load</c>: about 20–40 µs less daemon CPU per handshake, and fewer hand-offs on a <c>connect</c>'s path.
/// </summary>
internal static class SocketThreading
{
    /// <summary>The runtime's switch (read once, when the first socket is created).</summary>
    internal const string InlineCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>
    /// Turns inline completions on unless the environment already says (an operator can set the variable to 0 to
    /// get the thread-pool hand-off back). Call before anything creates a socket.
    /// </summary>
    public static void Configure()
    {
        if (Environment.GetEnvironmentVariable(InlineCompletionsVariable) is null)
        {
            Environment.SetEnvironmentVariable(InlineCompletionsVariable, "1");
        }
    }
}
