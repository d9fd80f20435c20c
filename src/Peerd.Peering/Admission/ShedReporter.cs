using Peerd.Primitives.Logging;

namespace Peerd.Peering.Admission;

/// <summary>
/// Keeps descriptor-pressure warnings readable under a flood: the first event is logged at once, then at most one
/// line per interval, carrying the count of events folded into it (a <see cref="LogThrottle"/> of one). Thread-safe.
/// </summary>
public sealed class ShedReporter(TimeProvider time, TimeSpan interval)
{
    private readonly LogThrottle _throttle = new(time, burst: 1, interval);

    /// <summary>True when this event should be logged; <paramref name="suppressed"/> is the text for folded events.</summary>
    public bool ShouldLog(out string suppressed)
    {
        var logged = _throttle.TryEnter(0, out var folded);
        suppressed = folded == 0 ? string.Empty : $"; {folded} more such event(s) since the last report";
        return logged;
    }
}
