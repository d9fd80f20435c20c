namespace Peerd.Peering;

/// <summary>
/// Fire-and-forget done right: a task nobody awaits still has its fault reported, once, instead of vanishing into
/// <see cref="TaskScheduler.UnobservedTaskException"/>. Cancellation is not a fault.
/// </summary>
public static class TaskObservation
{
    /// <summary>Reports <paramref name="task"/>'s fault, if it faults, to <paramref name="onFault"/> (log it there).</summary>
    public static void Observe(this Task task, Action<Exception> onFault)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(onFault);
        if (task.IsCompletedSuccessfully)
        {
            return;
        }

        task.ContinueWith(
            static (t, state) => ((Action<Exception>)state!)(t.Exception!.InnerExceptions.Count == 1 ? t.Exception.InnerException! : t.Exception),
            onFault,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
