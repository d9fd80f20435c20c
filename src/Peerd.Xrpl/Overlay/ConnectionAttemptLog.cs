namespace Peerd.Xrpl.Overlay;

/// <summary>
/// The bounded history of connection attempts: every attempt in progress, and the most recent finished ones up to
/// <see cref="XrplTuning.AttemptHistory"/> in all. Thread-safe.
/// </summary>
public sealed class ConnectionAttemptLog
{
    private readonly Lock _lock = new();
    private readonly LinkedList<ConnectionAttempt> _attempts = new();
    private readonly TimeProvider _time;
    private readonly int _capacity;
    private long _nextId;

    /// <summary>Creates an empty log.</summary>
    public ConnectionAttemptLog(TimeProvider time, int capacity = XrplTuning.AttemptHistory)
    {
        _time = time;
        _capacity = capacity;
    }

    /// <summary>Starts recording a new attempt.</summary>
    public ConnectionAttempt Start(ConnectionDirection direction, string target)
    {
        lock (_lock)
        {
            var attempt = new ConnectionAttempt(++_nextId, direction, target, _time);
            _attempts.AddFirst(attempt);
            Trim();
            return attempt;
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<ConnectionAttemptSnapshot> Snapshot()
    {
        lock (_lock)
        {
            return [.. _attempts.Select(a => a.Snapshot())];
        }
    }

    /// <summary>The attempt with this id, if still kept.</summary>
    public ConnectionAttempt? Find(long id)
    {
        lock (_lock)
        {
            return _attempts.FirstOrDefault(a => a.Id == id);
        }
    }

    private void Trim()
    {
        var node = _attempts.Last;
        while (_attempts.Count > _capacity && node is not null)
        {
            var previous = node.Previous;
            if (!node.Value.IsInProgress)
            {
                _attempts.Remove(node);
            }

            node = previous;
        }
    }
}
