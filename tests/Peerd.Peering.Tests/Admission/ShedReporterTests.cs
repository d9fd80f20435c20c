using Microsoft.Extensions.Time.Testing;
using Peerd.Peering.Admission;

namespace Peerd.Peering.Tests.Admission;

public class ShedReporterTests
{
    [Fact]
    public void TheFirstEventIsLoggedThenOneLinePerIntervalCarryingTheCountFoldedIn()
    {
        var time = new FakeTimeProvider();
        var reporter = new ShedReporter(time, TimeSpan.FromSeconds(10));
        Assert.True(reporter.ShouldLog(out var first));
        Assert.Equal(string.Empty, first);
        Assert.False(reporter.ShouldLog(out _));
        time.Advance(TimeSpan.FromSeconds(9.9));
        Assert.False(reporter.ShouldLog(out _));
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(reporter.ShouldLog(out var folded));
        Assert.Equal("; 2 more such event(s) since the last report", folded);
    }
}
