using System.Globalization;

namespace Peerd.TestKit.Fuzzing;

/// <summary>The outcome of one target's run: the count line quoted by docs/RELIABILITY.md.</summary>
/// <param name="Name">The target.</param>
/// <param name="Seed">The seed that replays it (<c>PEERD_FUZZ_SEED</c> is the run's seed; this is the target's).</param>
/// <param name="RunSeed">The run's seed, to pass as <c>PEERD_FUZZ_SEED</c>.</param>
/// <param name="Inputs">Inputs decoded (corpus plus mutants).</param>
/// <param name="Decoded">Inputs that decoded.</param>
/// <param name="Rejected">Inputs rejected with a typed error.</param>
/// <param name="MaxAllocatedBytes">The most any one decode allocated.</param>
/// <param name="Elapsed">Wall time of the run.</param>
public sealed record FuzzReport(string Name, int Seed, int RunSeed, long Inputs, long Decoded, long Rejected, long MaxAllocatedBytes, TimeSpan Elapsed)
{
    /// <summary>The longest single decode (information only: nothing asserts on time).</summary>
    public TimeSpan Slowest { get; init; }

    /// <summary>False for decoders behind a socket, whose allocations happen elsewhere.</summary>
    public bool AllocationMeasured { get; init; } = true;

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"fuzz [{Name}]: {Inputs} inputs ({Decoded} decoded, {Rejected} rejected), 0 unhandled exceptions, {(AllocationMeasured ? $"max {MaxAllocatedBytes} B allocated per decode" : "allocation not measured (decoded behind a socket)")}, {Elapsed.TotalSeconds:0.00} s (slowest input {Slowest.TotalMilliseconds:0.0} ms), PEERD_FUZZ_SEED={RunSeed}");
}
