using Peerd.TestKit.Fuzzing;

namespace Peerd.Lightning.Protocol.Tests.Fuzzing;

/// <summary>The shared mutation engine: replayable from its seed, every kind of mutation used, lengths bounded.</summary>
public class MutatorTests
{
    private static readonly byte[][] Corpus = [[1, 2, 3, 4, 5, 6, 7, 8], [0xff, 0xfe, 0xfd]];

    [Fact]
    public void TheSameSeedGivesTheSameMutants()
    {
        var first = Mutants(seed: 42, count: 200);
        var second = Mutants(seed: 42, count: 200);
        Assert.Equal(first, second);
        Assert.NotEqual(first, Mutants(seed: 43, count: 200));
    }

    [Fact]
    public void EveryMutationKindIsUsedAndMostMutantsDifferFromTheirInput()
    {
        var mutator = new Mutator(new Random(7), Corpus);
        var used = new HashSet<MutationKind>();
        var applied = new List<MutationKind>();
        var changed = 0;
        for (var i = 0; i < 2_000; i++)
        {
            var mutant = mutator.Mutate(Corpus[0], applied);
            used.UnionWith(applied);
            Assert.InRange(applied.Count, 1, Mutator.MaxStackedMutations);
            changed += mutant.AsSpan().SequenceEqual(Corpus[0]) ? 0 : 1;
        }

        Assert.Equal(Enum.GetValues<MutationKind>().ToHashSet(), used);
        Assert.True(changed > 1_900, $"{changed} of 2000 mutants differ from their input");
    }

    [Fact]
    public void MutantsAreCutToTheMaximumLength()
    {
        var mutator = new Mutator(new Random(1), Corpus, maxLength: 16);
        var applied = new List<MutationKind>();
        var input = new byte[16];
        for (var i = 0; i < 1_000; i++)
        {
            Assert.True(mutator.Mutate(input, applied).Length <= 16);
        }
    }

    [Fact]
    public void AnEmptyInputStillMutates()
    {
        var mutator = new Mutator(new Random(3), []);
        var applied = new List<MutationKind>();
        for (var i = 0; i < 100; i++)
        {
            _ = mutator.Mutate([], applied);
        }
    }

    private static List<string> Mutants(int seed, int count)
    {
        var mutator = new Mutator(new Random(seed), Corpus);
        var applied = new List<MutationKind>();
        return [.. Enumerable.Range(0, count).Select(_ => Convert.ToHexString(mutator.Mutate(Corpus[0], applied)))];
    }
}
