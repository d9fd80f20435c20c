using Microsoft.Extensions.Time.Testing;
using Peerd.Xrpl.Overlay;

namespace Peerd.Xrpl.Tests.Overlay;

public class ConnectionAttemptLogTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void FinishedAttemptsAreKeptUpToTheHistoryNewestFirst()
    {
        var log = new ConnectionAttemptLog(_time, capacity: 3, maxInProgress: 10);
        var attempts = Enumerable.Range(0, 5).Select(i => log.Start(ConnectionDirection.Inbound, $"a{i}")).ToList();
        attempts.ForEach(a => a.Fail("refused"));
        Assert.Equal(["a4", "a3", "a2"], log.Snapshot().Select(s => s.Target));
        Assert.Null(log.Find(attempts[0].Id));
        Assert.Same(attempts[4], log.Find(attempts[4].Id));
    }

    [Fact]
    public void AttemptsInProgressAreBoundedAndTheOldestRecordIsForgotten()
    {
        var log = new ConnectionAttemptLog(_time, capacity: 3, maxInProgress: 100);
        var attempts = Enumerable.Range(0, 10_000).Select(i => log.Start(ConnectionDirection.Inbound, $"a{i}")).ToList();
        Assert.Equal(100, log.Count);
        Assert.Null(log.Find(attempts[9_899].Id));
        Assert.NotNull(log.Find(attempts[9_900].Id));

        // A forgotten attempt that finishes stays forgotten; a kept one moves to the history.
        attempts[0].Fail("timeout");
        attempts[9_999].Fail("timeout");
        Assert.Equal(100, log.Count);
        Assert.Equal(ConnectionOutcome.Failed, log.Snapshot()[0].Outcome);
    }

    [Fact]
    public void AnAttemptInProgressIsNeverPushedOutByFinishedOnes()
    {
        var log = new ConnectionAttemptLog(_time, capacity: 2, maxInProgress: 10);
        var dial = log.Start(ConnectionDirection.Outbound, "dial");
        for (var i = 0; i < 50; i++)
        {
            log.Start(ConnectionDirection.Inbound, $"in{i}").Fail("refused");
        }

        Assert.Same(dial, log.Find(dial.Id));
        Assert.Equal(3, log.Count);
    }
}
