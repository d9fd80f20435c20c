using Microsoft.Extensions.Time.Testing;

namespace Peerd.TestKit;

/// <summary>The tests' fake clock: <see cref="FakeTimeProvider"/> at a fixed start, wall time, timestamps and timers moved by the test.</summary>
public static class TestClock
{
    /// <summary>Where a test's clock starts (2025-06-15, a UNIX time gossip timestamps hold comfortably).</summary>
    public static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_750_000_000);

    /// <summary>A new fake clock at <see cref="Start"/>.</summary>
    public static FakeTimeProvider Create() => new(Start);

    /// <summary>The clock's wall time in UNIX seconds, as BOLT 7 timestamps are written.</summary>
    public static uint UnixSeconds(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return (uint)clock.GetUtcNow().ToUnixTimeSeconds();
    }
}
