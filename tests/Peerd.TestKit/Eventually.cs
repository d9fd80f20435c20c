using System.Diagnostics;

namespace Peerd.TestKit;

/// <summary>
/// Waits for a condition the system reaches asynchronously. The deadline only bounds a hung test (it is generous, so
/// a loaded machine never fails a test by being slow); nothing is asserted about how long it took.
/// </summary>
public static class Eventually
{
    /// <summary>The default deadline: 30 s.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>How often the condition is checked: every 20 ms.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);

    /// <summary>Returns once <paramref name="condition"/> holds; fails the test, naming <paramref name="what"/>, at the deadline.</summary>
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? deadline = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = deadline ?? Deadline;
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit)
            {
                Assert.Fail($"not within {limit.TotalSeconds} s: {what}");
            }

            await Task.Delay(Tick);
        }
    }

    /// <summary>Returns once the asynchronous <paramref name="condition"/> holds (an RPC call, say); fails the test at the deadline.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? deadline = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = deadline ?? Deadline;
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > limit)
            {
                Assert.Fail($"not within {limit.TotalSeconds} s: {what}");
            }

            await Task.Delay(Tick);
        }
    }

    /// <summary>Returns the first non-null value <paramref name="probe"/> gives; fails the test at the deadline.</summary>
    public static async Task<T> ValueAsync<T>(Func<T?> probe, string what, TimeSpan? deadline = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        T? value = null;
        await TrueAsync(() => (value = probe()) is not null, what, deadline);
        return value!;
    }

    /// <summary>Returns the first non-null value the asynchronous <paramref name="probe"/> gives; fails the test at the deadline.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? deadline = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        T? value = null;
        await TrueAsync(async () => (value = await probe()) is not null, what, deadline);
        return value!;
    }
}
