namespace Peerd.Xrpl.Overlay;

/// <summary>
/// The bounded history of connection attempts behind <c>connections</c> and <c>connect</c>'s <c>wait</c>: the attempts
/// in progress (at most <see cref="XrplTuning.AttemptsInProgress"/>; beyond it the oldest record is forgotten, not
/// the connection) and the most recent finished ones (at most <see cref="XrplTuning.AttemptHistory"/>). Indexed by
/// id; starting and finishing an attempt cost O(1) whatever the flood, listing sorts only on the admin call.
/// Thread-safe.
/// </summary>
public sealed class ConnectionAttemptLog
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, ConnectionAttempt> _byId = [];
    private readonly LinkedList<ConnectionAttempt> _inProgress = new();
    private readonly Queue<ConnectionAttempt> _finished = new();
    private readonly TimeProvider _time;
    private readonly int _capacity;
    private readonly int _maxInProgress;
    private long _nextId;

    /// <summary>Creates an empty log.</summary>
    /// <param name="time">The clock of the attempts' times.</param>
    /// <param name="capacity">Finished attempts kept.</param>
    /// <param name="maxInProgress">Attempts in progress kept.</param>
    public ConnectionAttemptLog(TimeProvider time, int capacity = XrplTuning.AttemptHistory, int maxInProgress = XrplTuning.AttemptsInProgress)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxInProgress);
        _time = time;
        _capacity = capacity;
        _maxInProgress = maxInProgress;
    }

    /// <summary>Attempts kept now (in progress and finished).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byId.Count;
            }
        }
    }

    /// <summary>Starts recording a new attempt.</summary>
    public ConnectionAttempt Start(ConnectionDirection direction, string target)
    {
        lock (_lock)
        {
            var attempt = new ConnectionAttempt(++_nextId, direction, target, _time, OnFinished);
            attempt.LogNode = _inProgress.AddLast(attempt);
            _byId[attempt.Id] = attempt;
            if (_inProgress.Count > _maxInProgress)
            {
                var oldest = _inProgress.First!.Value;
                _inProgress.RemoveFirst();
                oldest.LogNode = null;
                _byId.Remove(oldest.Id);
            }

            return attempt;
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<ConnectionAttemptSnapshot> Snapshot()
    {
        ConnectionAttempt[] all;
        lock (_lock)
        {
            all = [.. _byId.Values];
        }

        return [.. all.OrderByDescending(a => a.Id).Select(a => a.Snapshot())];
    }

    /// <summary>The attempt with this id, if still kept.</summary>
    public ConnectionAttempt? Find(long id)
    {
        lock (_lock)
        {
            return _byId.GetValueOrDefault(id);
        }
    }

    private void OnFinished(ConnectionAttempt attempt)
    {
        lock (_lock)
        {
            if (attempt.LogNode is not { List: not null } node)
            {
                // Forgotten while in progress (the table overflowed): it stays forgotten.
                return;
            }

            _inProgress.Remove(node);
            attempt.LogNode = null;
            _finished.Enqueue(attempt);
            while (_finished.Count > _capacity)
            {
                _byId.Remove(_finished.Dequeue().Id);
            }
        }
    }
}
