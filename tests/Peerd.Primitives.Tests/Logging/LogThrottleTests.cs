using Microsoft.Extensions.Time.Testing;
using Peerd.Primitives.Logging;

namespace Peerd.Primitives.Tests.Logging;

public sealed class LogThrottleTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void LetsTheBurstThroughThenHoldsBackUntilTheWindowCloses()
    {
        var throttle = new LogThrottle(_time, burst: 3, TimeSpan.FromSeconds(10));

        Assert.Equal([true, true, true, false, false], Enumerable.Range(0, 5).Select(_ => throttle.TryEnter(1020, out long _)));
        _time.Advance(TimeSpan.FromSeconds(9.999));
        Assert.False(throttle.TryEnter(1020, out _));

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(throttle.TryEnter(1020, out var suppressed));
        Assert.Equal(3, suppressed);
    }

    [Fact]
    public void TheHeldBackCountIsReportedOnce()
    {
        var throttle = new LogThrottle(_time, burst: 1, TimeSpan.FromSeconds(1));
        throttle.TryEnter(7, out _);
        throttle.TryEnter(7, out _);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(throttle.TryEnter(7, out var first));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(throttle.TryEnter(7, out var second));
        Assert.Equal((1, 0), (first, second));
    }

    [Fact]
    public void KeysAreThrottledApart()
    {
        var throttle = new LogThrottle(_time, burst: 1, TimeSpan.FromSeconds(10));

        Assert.True(throttle.TryEnter(1, out _));
        Assert.False(throttle.TryEnter(1, out _));
        Assert.True(throttle.TryEnter(2, out _));
    }

    [Fact]
    public void TakeSuppressedReportsClosedWindowsOnlyUnlessClosing()
    {
        var throttle = new LogThrottle(_time, burst: 1, TimeSpan.FromSeconds(10));
        for (var i = 0; i < 5; i++)
        {
            throttle.TryEnter(1, out _);
        }

        Assert.Empty(throttle.TakeSuppressed());
        Assert.Equal([(1, 4L)], throttle.TakeSuppressed(evenOpenWindows: true));
        Assert.Empty(throttle.TakeSuppressed(evenOpenWindows: true));

        throttle.TryEnter(1, out _);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal([(1, 1L)], throttle.TakeSuppressed());

        // Taken by the summary, so not reported again by the next event.
        Assert.True(throttle.TryEnter(1, out var suppressed));
        Assert.Equal(0, suppressed);
    }

    [Fact]
    public void CountsEveryEventUnderContention()
    {
        var throttle = new LogThrottle(_time, burst: 100, TimeSpan.FromSeconds(10));
        var passed = 0;
        Parallel.For(0, 10_000, _ =>
        {
            if (throttle.TryEnter(1, out _))
            {
                Interlocked.Increment(ref passed);
            }
        });

        Assert.Equal(100, passed);
        Assert.Equal([(1, 9_900L)], throttle.TakeSuppressed(evenOpenWindows: true));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void RejectsAnEmptyBudget(int burst, int seconds) =>
        Assert.ThrowsAny<ArgumentException>(() => new LogThrottle(_time, burst, TimeSpan.FromSeconds(seconds)));
}
