namespace Peerd.Xrpl.Tests.Support;

/// <summary>Waits for a condition the system reaches asynchronously, with a generous deadline that only bounds a hung test.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? TimeSpan.FromSeconds(20));
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                Assert.Fail($"never happened: {what}");
            }

            await Task.Delay(20);
        }
    }

    public static async Task<T> ValueAsync<T>(Func<T?> probe, string what, TimeSpan? deadline = null)
        where T : class
    {
        T? value = null;
        await TrueAsync(() => (value = probe()) is not null, what, deadline);
        return value!;
    }
}
