namespace Peerd.Primitives.Logging;

/// <summary>
/// Lets at most <see cref="Burst"/> events of each key through per <see cref="Interval"/> (a fixed window that opens at
/// the first event of the key) and counts the rest, so that a log line repeated by a flood stays readable: the
/// count folded away is handed to the first event let through afterwards, or to <see cref="TakeSuppressed"/>.
/// Keys are event ids, a set fixed by the code (never by a peer), so the table stays small. Thread-safe.
/// </summary>
public sealed class LogThrottle
{
    private readonly TimeProvider _time;
    private readonly Dictionary<int, Window> _windows = [];
    private readonly Lock _lock = new();

    /// <summary>A throttle that lets <paramref name="burst"/> events of a key through per <paramref name="interval"/>.</summary>
    public LogThrottle(TimeProvider time, int burst, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _time = time;
        Burst = burst;
        Interval = interval;
    }

    /// <summary>Events of one key let through per window.</summary>
    public int Burst { get; }

    /// <summary>The length of a window.</summary>
    public TimeSpan Interval { get; }

    /// <summary>
    /// True when an event of <paramref name="key"/> should be logged now; then <paramref name="suppressed"/> is the
    /// number of its events held back since the last one logged (reported once), else 0.
    /// </summary>
    public bool TryEnter(int key, out long suppressed)
    {
        var now = _time.GetTimestamp();
        lock (_lock)
        {
            if (!_windows.TryGetValue(key, out var window))
            {
                window = new Window { Opened = now };
                _windows.Add(key, window);
            }
            else if (_time.GetElapsedTime(window.Opened, now) >= Interval)
            {
                window.Opened = now;
                window.Count = 0;
            }

            if (window.Count < Burst)
            {
                // Events are held back only once a window is full, so a count here is from an earlier window.
                window.Count++;
                suppressed = window.Suppressed;
                window.Suppressed = 0;
                return true;
            }

            window.Suppressed++;
            suppressed = 0;
            return false;
        }
    }

    /// <summary>
    /// The keys whose window has closed with events held back, and how many; their counts restart from zero. For a
    /// periodic summary, so that the count of a flood that stopped is reported too.
    /// </summary>
    /// <param name="evenOpenWindows">Take the counts of windows still open as well (when closing).</param>
    public IReadOnlyList<(int Key, long Suppressed)> TakeSuppressed(bool evenOpenWindows = false)
    {
        var now = _time.GetTimestamp();
        List<(int, long)>? taken = null;
        lock (_lock)
        {
            foreach (var (key, window) in _windows)
            {
                if (window.Suppressed > 0 && (evenOpenWindows || _time.GetElapsedTime(window.Opened, now) >= Interval))
                {
                    (taken ??= []).Add((key, window.Suppressed));
                    window.Suppressed = 0;
                }
            }
        }

        return taken ?? [];
    }

    private sealed class Window
    {
        public long Opened;
        public int Count;
        public long Suppressed;
    }
}
