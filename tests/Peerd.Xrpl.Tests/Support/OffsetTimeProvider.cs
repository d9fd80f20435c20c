namespace Peerd.Xrpl.Tests.Support;

/// <summary>The system clock, shifted: a real node whose wall clock is wrong (timers still run in real time).</summary>
public sealed class OffsetTimeProvider(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
