using System.Reflection;
using Microsoft.Extensions.Logging;
using Peerd.Daemon.Logging;
using Peerd.Primitives.Logging;

namespace Peerd.Daemon.Tests.Logging;

/// <summary>Every <c>[LoggerMessage]</c> of the product, checked against the one table of ranges.</summary>
public sealed class LogEventRangesTests
{
    /// <summary>The product's assemblies next to the tests (the daemon references all of them), not the tests'.</summary>
    private static readonly Assembly[] Product = Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
        .Select(Path.GetFileNameWithoutExtension)
        .Where(n => n == "peerd" || (n!.StartsWith("Peerd.", StringComparison.Ordinal) && !n.EndsWith(".Tests", StringComparison.Ordinal) && n != "Peerd.TestKit"))
        .Select(n => Assembly.Load(n!))
        .ToArray();

    private static readonly (MethodInfo Method, LoggerMessageAttribute Attribute)[] Events = Product
        .SelectMany(a => a.GetTypes())
        .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
        .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()!))
        .Where(e => e.Attribute is not null)
        .ToArray();

    [Fact]
    public void TheSearchSeesEveryComponent()
    {
        var names = Product.Select(a => a.GetName().Name).ToHashSet();
        Assert.Superset(new HashSet<string?> { "peerd", "Peerd.Lightning", "Peerd.Xrpl", "Peerd.ClnRpc", "Peerd.Primitives" }, names);
        Assert.Contains(Events, e => e.Method.DeclaringType!.FullName == "Peerd.Lightning.Logging.Log");
        Assert.Contains(Events, e => e.Method.DeclaringType!.FullName == "Peerd.Xrpl.Hosting.XrplLog");
        Assert.Contains(Events, e => e.Method.DeclaringType!.FullName == "Peerd.Daemon.Logging.DaemonLog");
    }

    [Fact]
    public void RangesDoNotOverlap()
    {
        var ranges = LogEventRanges.All.OrderBy(r => r.First).ToList();
        Assert.All(ranges, r => Assert.True(r.First <= r.Last, $"{r.LogClass}: {r.First}–{r.Last}"));
        for (var i = 1; i < ranges.Count; i++)
        {
            Assert.True(ranges[i - 1].Last < ranges[i].First, $"{ranges[i - 1].LogClass} ({ranges[i - 1].First}–{ranges[i - 1].Last}) overlaps {ranges[i].LogClass} ({ranges[i].First}–{ranges[i].Last})");
        }

        Assert.Equal(ranges.Count, ranges.Select(r => r.LogClass).Distinct().Count());
    }

    [Fact]
    public void EveryEventIsInItsClassRange()
    {
        var wrong = Events
            .Select(e => (Class: e.Method.DeclaringType!.FullName!, e.Method.Name, e.Attribute.EventId))
            .Where(e => LogEventRanges.For(e.Class) is not { } range || !range.Contains(e.EventId) || range.Load() is null)
            .Select(e => $"{e.Class}.{e.Name}: {e.EventId} ({(LogEventRanges.For(e.Class) is { } r ? $"range {r.First}–{r.Last}" : "class not in LogEventRanges")})")
            .ToList();

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void NoIdIsDefinedTwice()
    {
        var duplicates = Events
            .GroupBy(e => e.Attribute.EventId)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => $"{e.Method.DeclaringType!.Name}.{e.Method.Name}"))}")
            .ToList();

        Assert.True(duplicates.Count == 0, string.Join("\n", duplicates));
    }

    [Fact]
    public void ARemoteTriggeredEventIsAnErrorOnlyForAFaultOfOurOwn()
    {
        var wrong = Events
            .Where(e => e.Method.IsDefined(typeof(RemoteTriggeredAttribute)) && e.Attribute.Level >= LogLevel.Error)
            .Where(e => !e.Method.GetParameters().Any(p => typeof(Exception).IsAssignableFrom(p.ParameterType)))
            .Select(e => $"{e.Method.DeclaringType!.Name}.{e.Method.Name} ({e.Attribute.EventId}) is {e.Attribute.Level}")
            .ToList();

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void TheThrottledIdsAreTheMarkedEvents()
    {
        var marked = Events.Where(e => e.Method.IsDefined(typeof(RemoteTriggeredAttribute))).Select(e => e.Attribute.EventId).ToHashSet();

        Assert.Equal(marked.Order(), LogEventRanges.RemoteTriggeredIds().Order());

        // What the review of the logs named: refused connections, peers' warnings and errors, unexpected faults,
        // invalid announcements, and the XRPL port's inbound failures.
        Assert.Superset(new HashSet<int> { 1016, 1020, 1021, 1030, 1111, 5013 }, marked);
    }
}
