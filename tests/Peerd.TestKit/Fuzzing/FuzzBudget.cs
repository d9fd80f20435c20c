using System.Globalization;

namespace Peerd.TestKit.Fuzzing;

/// <summary>
/// How long and from which seed the mutation tests run. CI uses each target's fixed input count (a few seconds for
/// all of them); <c>PEERD_FUZZ_SECONDS=N</c> runs every target for N seconds instead, and <c>PEERD_FUZZ_SEED=S</c>
/// replays a run (every failure prints its seed). <c>PEERD_FUZZ_REPORT=path</c> appends each count line to a file.
/// </summary>
public static class FuzzBudget
{
    /// <summary>The seed CI runs with, so that a CI run is reproducible and cannot fail on a fresh draw.</summary>
    public const int CiSeed = 20_261_120;

    /// <summary>
    /// The seed of this test run: <c>PEERD_FUZZ_SEED</c>; else, for a long exploratory run (<c>PEERD_FUZZ_SECONDS</c>
    /// set), a fresh one; else <see cref="CiSeed"/>. It is printed with every result and failure.
    /// </summary>
    public static int Seed { get; } = ReadInt("PEERD_FUZZ_SEED") ?? (ReadDouble("PEERD_FUZZ_SECONDS") is null ? CiSeed : Random.Shared.Next());

    /// <summary>Seconds per target when set (<c>PEERD_FUZZ_SECONDS</c>); null in CI, where input counts rule.</summary>
    public static double? Seconds { get; } = ReadDouble("PEERD_FUZZ_SECONDS");

    /// <summary>Where count lines are appended (<c>PEERD_FUZZ_REPORT</c>), if anywhere.</summary>
    public static string? ReportPath { get; } = Environment.GetEnvironmentVariable("PEERD_FUZZ_REPORT");

    /// <summary>
    /// A CI run of one target stops after this long even if its input count is not reached (the report line says
    /// how many ran), so a slow machine cannot push the suite past its budget: 8 s.
    /// </summary>
    public static TimeSpan CiTimeCap { get; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// A target that has not finished this long after its budget is hung: the test fails naming the input being
    /// decoded. Generous (60 s) because it only has to catch infinite loops.
    /// </summary>
    public static TimeSpan HangGrace { get; } = TimeSpan.FromSeconds(60);

    /// <summary>The seed for one target: the run's seed mixed with the target's name (FNV-1a), so targets differ.</summary>
    public static int SeedFor(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash ^ (uint)Seed);
    }

    private static int? ReadInt(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static double? ReadDouble(string name) =>
        double.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
}
