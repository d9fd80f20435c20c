using System.Globalization;
using Peerd.TestKit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Peerd.Fuzz.Tests;

/// <summary>
/// Replays what coverage-guided fuzzing kept (<c>fuzz/corpus/TARGET</c>, minimised by afl-cmin) and every crash it
/// found (<c>fuzz/regressions/TARGET</c>) through the same targets <c>scripts/fuzz.sh</c> fuzzes: each input ends in a
/// decoded value or the decoder's typed error, never an exception — so a decoder change that brings back a fixed
/// crash, or breaks on an input that once reached deep, fails here in CI.
/// </summary>
public class FuzzTargetsTests(ITestOutputHelper output)
{
    private static readonly string Root = AppContext.BaseDirectory;

    public static TheoryData<string> Targets => [.. FuzzTargets.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Targets))]
    public void EveryCorpusAndRegressionInputEndsInAValueOrATypedError(string name)
    {
        var target = FuzzTargets.Find(name)!;
        var files = Inputs("corpus", name).Concat(Inputs("regressions", name)).ToArray();
        var seeds = target.Seeds().ToArray();
        foreach (var (input, origin) in seeds.Select((s, i) => (s, $"seed {i}")).Concat(files.Select(f => (File.ReadAllBytes(f), Path.GetRelativePath(Root, f)))))
        {
            try
            {
                target.Run(input);
            }
            catch (Exception e)
            {
                throw new XunitException($"[{name}] {origin} threw {e.GetType().Name}: {e.Message}; input {Convert.ToHexString(input.AsSpan(0, Math.Min(input.Length, 256)))}", e);
            }
        }

        TestReport.Line(output, string.Create(CultureInfo.InvariantCulture, $"fuzz corpus [{name}]: {seeds.Length} seeds and {files.Length} files replayed"));
    }

    [Fact]
    public void EveryTargetHasACorpusAndEveryCorpusATarget()
    {
        var names = FuzzTargets.All.Select(t => t.Name).ToHashSet();
        foreach (var kind in new[] { "corpus", "regressions" })
        {
            var directory = Path.Combine(Root, kind);
            var orphans = Directory.Exists(directory) ? Directory.GetDirectories(directory).Select(Path.GetFileName).Where(d => !names.Contains(d!)) : [];
            Assert.Empty(orphans);
        }

        Assert.All(names, n => Assert.NotEmpty(Inputs("corpus", n)));
    }

    private static IEnumerable<string> Inputs(string kind, string name)
    {
        var directory = Path.Combine(Root, kind, name);
        return Directory.Exists(directory) ? Directory.GetFiles(directory).Order(StringComparer.Ordinal) : [];
    }
}
