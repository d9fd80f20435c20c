namespace Peerd.Lightning.Tests.Gossip;

/// <summary>A clock the test moves: wall time and the monotonic timestamp advance together.</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.FromUnixTimeSeconds(1_750_000_000);
    private long _ticks;

    public override long TimestampFrequency => 1_000;

    public override DateTimeOffset GetUtcNow() => _now;

    public override long GetTimestamp() => _ticks;

    public void Advance(TimeSpan by)
    {
        _now += by;
        _ticks += (long)by.TotalMilliseconds;
    }

    public uint UnixSeconds => (uint)_now.ToUnixTimeSeconds();
}
