namespace Peerd.Peering.Admission;

/// <summary>
/// Keeps descriptor-pressure warnings readable under a flood: the first event is logged at once, then at most one
/// line per interval, carrying the count of events folded into it. Thread-safe.
/// </summary>
public sealed class ShedReporter(TimeProvider time, TimeSpan interval)
{
    private readonly Lock _lock = new();
    private long _lastLogged = long.MinValue;
    private int _suppressed;

    /// <summary>True when this event should be logged; <paramref name="suppressed"/> is the text for folded events.</summary>
    public bool ShouldLog(out string suppressed)
    {
        var now = time.GetTimestamp();
        lock (_lock)
        {
            if (_lastLogged != long.MinValue && time.GetElapsedTime(_lastLogged, now) < interval)
            {
                _suppressed++;
                suppressed = string.Empty;
                return false;
            }

            suppressed = _suppressed == 0 ? string.Empty : $"; {_suppressed} more such event(s) since the last report";
            _suppressed = 0;
            _lastLogged = now;
            return true;
        }
    }
}
