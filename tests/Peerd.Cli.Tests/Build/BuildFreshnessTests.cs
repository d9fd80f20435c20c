using Peerd.Cli.Build;

namespace Peerd.Cli.Tests.Build;

public sealed class BuildFreshnessTests
{
    private static readonly DateTime Stamp = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ParsesTheLineScriptsBuildShWrites()
    {
        // The shape scripts/build.sh writes: `set --` then each path single-quoted, a quote inside written '\''.
        Assert.True(BuildFreshness.TryParseSources("set -- 'src/Peerd.Cli' 'src/Peerd.Cli/A B.cs' 'it'\\''s.cs'\n", out var sources));
        Assert.Equal(["src/Peerd.Cli", "src/Peerd.Cli/A B.cs", "it's.cs"], sources);
    }

    [Theory]
    [InlineData("")]
    [InlineData("echo 'a'")]
    [InlineData("set -- 'unterminated")]
    [InlineData("set -- bare")]
    [InlineData("set -- 'a'b")]
    public void RefusesAnythingElse(string line) => Assert.False(BuildFreshness.TryParseSources(line, out _));

    [Fact]
    public void AnEmptyListParses()
    {
        Assert.True(BuildFreshness.TryParseSources("set --", out var sources));
        Assert.Empty(sources);
    }

    [Fact]
    public void CurrentWhenNoSourceIsNewerThanTheStamp()
    {
        var times = new Dictionary<string, DateTime> { ["r/a.cs"] = Stamp.AddSeconds(-5), ["r/d"] = Stamp };
        Assert.True(IsCurrent(times, "set -- 'a.cs' 'd'"));
    }

    [Fact]
    public void StaleWhenAFileOrDirectoryIsNewer()
    {
        Assert.False(IsCurrent(new() { ["r/a.cs"] = Stamp.AddTicks(1) }, "set -- 'a.cs'"));
        Assert.False(IsCurrent(new() { ["r/d"] = Stamp.AddSeconds(1) }, "set -- 'a.cs' 'd'"));
    }

    [Fact]
    public void AListedPathThatIsGoneIsNotNewerItsDirectorySaysSo()
    {
        Assert.True(IsCurrent([], "set -- 'gone.cs'"));
    }

    [Fact]
    public void StaleWithoutAStampOrAReadableList()
    {
        Assert.False(BuildFreshness.IsCurrent("r", "b", _ => null, _ => "set --"));
        Assert.False(BuildFreshness.IsCurrent("r", "b", _ => Stamp, _ => null));
        Assert.False(BuildFreshness.IsCurrent("r", "b", _ => Stamp, _ => "garbage"));
    }

    private static bool IsCurrent(Dictionary<string, DateTime> times, string list)
    {
        times[Path.Combine("b", BuildFreshness.StampFile)] = Stamp;
        return BuildFreshness.IsCurrent("r", "b", path => times.TryGetValue(path, out var time) ? time : null, _ => list);
    }
}
