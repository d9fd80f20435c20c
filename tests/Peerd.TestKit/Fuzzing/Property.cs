using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Peerd.TestKit.Fuzzing;

/// <summary>
/// Seeded property checks (round trips of encoders): the property runs on random values drawn from a
/// <see cref="Random"/> seeded from <see cref="FuzzBudget"/>, for a fixed number of cases in CI or for
/// <c>PEERD_FUZZ_SECONDS</c>; a failure names the case and the seed that replays it.
/// </summary>
public static class Property
{
    /// <summary>Runs <paramref name="property"/> on <paramref name="cases"/> random cases (or for the long-run budget).</summary>
    public static void Check(string name, int cases, Action<Random> property, ITestOutputHelper? output = null)
    {
        ArgumentNullException.ThrowIfNull(property);
        var seed = FuzzBudget.SeedFor(name);
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var budget = FuzzBudget.Seconds is { } seconds ? TimeSpan.FromSeconds(seconds) : FuzzBudget.CiTimeCap;
        var count = 0;
        while (FuzzBudget.Seconds is null ? count < cases && clock.Elapsed < budget : clock.Elapsed < budget)
        {
            try
            {
                property(random);
            }
            catch (Exception e)
            {
                throw new XunitException($"property [{name}] failed on case {count}: {e.Message}; replay with PEERD_FUZZ_SEED={FuzzBudget.Seed} (target seed {seed})", e);
            }

            count++;
        }

        TestReport.Line(output, string.Create(CultureInfo.InvariantCulture, $"property [{name}]: {count} cases held, {clock.Elapsed.TotalSeconds:0.00} s, PEERD_FUZZ_SEED={FuzzBudget.Seed}"));
    }

    /// <summary>Random bytes of a length in [0, <paramref name="maxLength"/>], biased toward short and edge lengths.</summary>
    public static byte[] Bytes(this Random random, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(random);
        var length = random.Next(4) switch
        {
            0 => 0,
            1 => maxLength,
            2 => random.Next(Math.Min(maxLength, 64) + 1),
            _ => random.Next(maxLength + 1),
        };
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
