using System.Net.Sockets;

namespace Peerd.Peering.Accepting;

/// <summary>
/// Accepts sockets on a listening socket until stopped, for every peer port. A failed accept (<c>EMFILE</c>: the
/// process is out of descriptors) is reported, and the loop waits a back-off before accepting again instead of
/// spinning on a queue it cannot serve. An accept that finds more connections already queued hands the accepted one
/// to the thread pool, so its handler (a handshake's first step) runs beside the next accept; one that had to wait
/// runs it inline, with no hand-off on the path of a lone connection.
/// </summary>
public static class AcceptLoop
{
    /// <summary>Runs the loop; completes when <paramref name="stop"/> fires or the listener is disposed.</summary>
    /// <param name="listener">A bound, listening socket.</param>
    /// <param name="onAccepted">Takes ownership of each accepted socket. Its task is observed: a fault goes to <paramref name="onFault"/>.</param>
    /// <param name="onAcceptFailed">Told about each failed accept (log it; shed on descriptor exhaustion).</param>
    /// <param name="onFault">Told about a handler that faulted (a bug: handlers catch what a peer can cause).</param>
    /// <param name="backoff">The wait after a failed accept.</param>
    /// <param name="time">The clock of the back-off.</param>
    /// <param name="stop">Stops the loop.</param>
    public static async Task RunAsync(Socket listener, Func<Socket, Task> onAccepted, Action<SocketException> onAcceptFailed, Action<Exception> onFault, TimeSpan backoff, TimeProvider time, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(listener);
        ArgumentNullException.ThrowIfNull(onAccepted);
        ArgumentNullException.ThrowIfNull(onAcceptFailed);
        ArgumentNullException.ThrowIfNull(onFault);
        ArgumentNullException.ThrowIfNull(time);
        while (!stop.IsCancellationRequested)
        {
            Socket accepted;
            bool backlogged;
            try
            {
                var accepting = listener.AcceptAsync(stop);
                backlogged = accepting.IsCompleted;
                accepted = await accepting.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                onAcceptFailed(e);
                try
                {
                    await Task.Delay(backoff, time, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            if (accepted.AddressFamily != AddressFamily.Unix)
            {
                accepted.NoDelay = true;
            }

            if (backlogged)
            {
                ThreadPool.UnsafeQueueUserWorkItem(static state => Start(state.Handler, state.Socket, state.OnFault), (Handler: onAccepted, Socket: accepted, OnFault: onFault), preferLocal: false);
            }
            else
            {
                Start(onAccepted, accepted, onFault);
            }
        }
    }

    private static void Start(Func<Socket, Task> handler, Socket socket, Action<Exception> onFault)
    {
        Task task;
        try
        {
            task = handler(socket);
        }
        catch (Exception e)
        {
            socket.Dispose();
            onFault(e);
            return;
        }

        task.Observe(onFault);
    }
}
