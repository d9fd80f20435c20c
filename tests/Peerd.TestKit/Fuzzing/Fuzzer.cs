using System.Diagnostics;
using Peerd.Primitives;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Peerd.TestKit.Fuzzing;

/// <summary>
/// Runs a <see cref="FuzzTarget"/>: decodes its corpus, then mutants of it, and fails the test on the first input that
/// throws, allocates beyond the target's bound, or hangs — naming the seed, the mutations and the input in hex. On
/// success it writes the count line (<see cref="FuzzReport"/>) to the test output and to <c>PEERD_FUZZ_REPORT</c>.
/// </summary>
public static class Fuzzer
{
    /// <summary>Runs <paramref name="target"/> on a dedicated thread under the budget; returns its report.</summary>
    public static FuzzReport Run(FuzzTarget target, ITestOutputHelper? output = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var run = new SyncRun(target);
        var thread = new Thread(run.Execute) { IsBackground = true, Name = "fuzz " + target.Name };
        thread.Start();
        if (!thread.Join(Budget() + FuzzBudget.HangGrace))
        {
            throw new XunitException($"fuzz [{target.Name}] hung on input {Show(run.Current, target.Name)} after {string.Join('+', run.CurrentMutations)}; {SeedText(target.Name)}");
        }

        if (run.Failure is { } failure)
        {
            throw failure;
        }

        return Publish(run.Report!, output);
    }

    /// <summary>
    /// Runs an asynchronous decoder (one behind a socket, such as an HTTP endpoint) sequentially: no allocation bound
    /// (the work happens in another component), but the same seeds, mutations, hang deadline and report.
    /// </summary>
    public static async Task<FuzzReport> RunAsync(string name, IReadOnlyList<byte[]> corpus, Func<byte[], Task<FuzzVerdict>> decode, int inputs, ITestOutputHelper? output = null)
    {
        ArgumentNullException.ThrowIfNull(decode);
        var seed = FuzzBudget.SeedFor(name);
        var mutator = new Mutator(new Random(seed), corpus);
        var applied = new List<MutationKind>();
        var clock = Stopwatch.StartNew();
        long count = 0, decoded = 0, rejected = 0;
        var slowest = TimeSpan.Zero;
        var budget = Budget();
        for (var i = 0; ShouldContinue(i, inputs, clock, budget); i++)
        {
            applied.Clear();
            var input = i < corpus.Count ? corpus[i] : mutator.Mutate(corpus[i % corpus.Count], applied);
            var started = clock.Elapsed;
            var task = decode(input);
            FuzzVerdict verdict;
            try
            {
                verdict = await task.WaitAsync(FuzzBudget.HangGrace).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new XunitException($"fuzz [{name}] hung on input {Show(input, name)} after {string.Join('+', applied)}; {SeedText(name)}");
            }
            catch (Exception e) when (e is not XunitException)
            {
                throw new XunitException($"fuzz [{name}] threw {e.GetType().Name}: {e.Message} on input {Show(input, name)} after {string.Join('+', applied)}; {SeedText(name)}", e);
            }

            slowest = TimeSpan.FromTicks(Math.Max(slowest.Ticks, (clock.Elapsed - started).Ticks));
            count++;
            _ = verdict == FuzzVerdict.Decoded ? decoded++ : rejected++;
        }

        return Publish(new FuzzReport(name, seed, FuzzBudget.Seed, count, decoded, rejected, 0, clock.Elapsed) { Slowest = slowest, AllocationMeasured = false }, output);
    }

    /// <summary>True while a run should go on: its input count (CI) or its seconds (<c>PEERD_FUZZ_SECONDS</c>).</summary>
    private static bool ShouldContinue(int index, int inputs, Stopwatch clock, TimeSpan budget) =>
        FuzzBudget.Seconds is null ? index < inputs && clock.Elapsed < budget : clock.Elapsed < budget;

    private static TimeSpan Budget() => FuzzBudget.Seconds is { } seconds ? TimeSpan.FromSeconds(seconds) : FuzzBudget.CiTimeCap;

    private static string SeedText(string name) => $"replay with PEERD_FUZZ_SEED={FuzzBudget.Seed} (target seed {FuzzBudget.SeedFor(name)})";

    /// <summary>The input in hex when short; otherwise its first bytes and a file holding all of it.</summary>
    private static string Show(byte[] input, string name)
    {
        const int MaxShown = 256;
        if (input.Length <= MaxShown)
        {
            return Hex.Encode(input);
        }

        var safeName = string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
        var path = Path.Combine(Path.GetTempPath(), $"peerd-fuzz-{safeName}-{FuzzBudget.Seed}.bin");
        File.WriteAllBytes(path, input);
        return $"{Hex.Encode(input.AsSpan(0, MaxShown))}… ({input.Length} B, all in {path})";
    }

    private static FuzzReport Publish(FuzzReport report, ITestOutputHelper? output)
    {
        TestReport.Line(output, report.ToString());
        return report;
    }

    /// <summary>The state of one synchronous run, shared with the watching test thread.</summary>
    private sealed class SyncRun(FuzzTarget target)
    {
        private volatile byte[] _current = [];

        public byte[] Current => _current;

        public MutationKind[] CurrentMutations { get; private set; } = [];

        public Exception? Failure { get; private set; }

        public FuzzReport? Report { get; private set; }

        public void Execute()
        {
            try
            {
                Report = Loop();
            }
            catch (Exception e)
            {
                Failure = e;
            }
        }

        private FuzzReport Loop()
        {
            var seed = FuzzBudget.SeedFor(target.Name);
            var mutator = new Mutator(new Random(seed), target.Corpus, target.MaxLength);
            var applied = new List<MutationKind>();

            // Warm up: first calls fill static caches and JIT; those allocations are not the decoder's per input.
            foreach (var input in target.Corpus)
            {
                Decode(input, applied, measure: false);
            }

            var clock = Stopwatch.StartNew();
            var budget = Budget();
            long count = 0, decoded = 0, rejected = 0, maxAllocated = 0;
            var slowest = TimeSpan.Zero;
            for (var i = 0; ShouldContinue(i, target.Inputs + target.Corpus.Count, clock, budget); i++)
            {
                applied.Clear();
                var input = i < target.Corpus.Count ? target.Corpus[i] : mutator.Mutate(target.Corpus[i % target.Corpus.Count], applied);
                var started = clock.Elapsed;
                var (verdict, allocated) = Decode(input, applied, measure: true);
                slowest = TimeSpan.FromTicks(Math.Max(slowest.Ticks, (clock.Elapsed - started).Ticks));
                maxAllocated = Math.Max(maxAllocated, allocated);
                count++;
                _ = verdict == FuzzVerdict.Decoded ? decoded++ : rejected++;
            }

            return new FuzzReport(target.Name, seed, FuzzBudget.Seed, count, decoded, rejected, maxAllocated, clock.Elapsed) { Slowest = slowest };
        }

        private (FuzzVerdict Verdict, long Allocated) Decode(byte[] input, List<MutationKind> applied, bool measure)
        {
            _current = input;
            CurrentMutations = [.. applied];
            FuzzVerdict verdict;
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                verdict = target.Decode(input);
            }
            catch (Exception e) when (e is not XunitException)
            {
                throw new XunitException($"fuzz [{target.Name}] threw {e.GetType().Name}: {e.Message} on input {Show(input, target.Name)} after {Describe(applied)}; {SeedText(target.Name)}", e);
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            var bound = target.AllocationBase + ((long)target.AllocationPerByte * input.Length);
            if (measure && allocated > bound)
            {
                throw new XunitException($"fuzz [{target.Name}] allocated {allocated} B (bound {bound} B) decoding {input.Length} B: {Show(input, target.Name)} after {Describe(applied)}; {SeedText(target.Name)}");
            }

            return (verdict, allocated);
        }

        private static string Describe(List<MutationKind> applied) => applied.Count == 0 ? "no mutation (corpus input)" : string.Join('+', applied);
    }
}
