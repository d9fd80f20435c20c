namespace Peerd.Primitives;

/// <summary>A token bucket on <see cref="TimeProvider"/> timestamps: a burst of <c>capacity</c>, refilled at <c>perSecond</c>. Not thread-safe.</summary>
public sealed class TokenBucket
{
    private readonly double _capacity;
    private readonly double _perTick;
    private double _tokens;
    private long _last;

    /// <summary>Creates a full bucket at <paramref name="now"/> (a timestamp in units of <paramref name="ticksPerSecond"/>).</summary>
    public TokenBucket(double capacity, double perSecond, long now, long ticksPerSecond)
    {
        _capacity = capacity;
        _perTick = perSecond / ticksPerSecond;
        _tokens = capacity;
        _last = now;
    }

    /// <summary>True when the bucket is full again (it carries no state worth keeping).</summary>
    public bool IsFull(long now) => Refill(now) >= _capacity;

    /// <summary>Takes a token if there is one.</summary>
    public bool TryTake(long now)
    {
        if (Refill(now) < 1)
        {
            return false;
        }

        _tokens--;
        return true;
    }

    private double Refill(long now)
    {
        if (now > _last)
        {
            _tokens = Math.Min(_capacity, _tokens + ((now - _last) * _perTick));
            _last = now;
        }

        return _tokens;
    }
}
