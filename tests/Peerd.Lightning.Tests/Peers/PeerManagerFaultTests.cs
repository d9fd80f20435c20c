using Microsoft.Extensions.Logging;
using Peerd.Lightning.Peers;
using Peerd.Lightning.Peers.Policies;
using Peerd.Lightning.Tests.Peers.Policies;

namespace Peerd.Lightning.Tests.Peers;

/// <summary>Exceptions in code the manager calls end only what they belong to, are logged once, and leak nothing.</summary>
public class PeerManagerFaultTests
{
    [Fact]
    public async Task AMessageHandlerThatThrowsClosesOnlyItsConnectionWithInternalErrorAndDisposesIt()
    {
        await using var harness = PolicyHarness.Start(new ConnectionLimits());
        harness.Manager.MessageReceived += (_, _) => throw new InvalidOperationException("handler bug");
        var peer = await harness.ConnectPeerAsync();
        var other = await harness.ConnectPeerAsync();
        Assert.True(harness.Manager.TryGetPeer(peer.Local.Id, out var ours));
        Assert.True(peer.TryGetPeer(harness.Manager.Local.Id, out var theirs));

        // An unknown odd message goes to the subscribers, which throw.
        Assert.True(theirs.TrySend([0x80, 0x01]));
        Assert.Equal("internal error", await ours.Closed.WaitAsync(PolicyHarness.Deadline));
        Assert.Equal("handler bug", ours.Fault!.Message);
        await Eventually.TrueAsync(() => !harness.Manager.TryGetPeer(peer.Local.Id, out _), "the peer removed");

        // The fault is logged where the connection's end is handled, which may finish just after the peer is removed.
        await Eventually.TrueAsync(() => harness.Log.Lines.Any(l => l.Level == LogLevel.Error && l.Text.Contains("Unexpected fault", StringComparison.Ordinal)), "the fault logged");
        Assert.Single(harness.Log.Lines, l => l.Level == LogLevel.Error && l.Text.Contains("Unexpected fault", StringComparison.Ordinal));
        Assert.True(harness.Manager.TryGetPeer(other.Local.Id, out var untouched));
        Assert.False(untouched.IsClosing);
    }

    [Fact]
    public async Task APeerConnectedSubscriberThatThrowsStopsNeitherTheOthersNorTheConnectionsLoops()
    {
        await using var harness = PolicyHarness.Start(new ConnectionLimits());
        var told = 0;
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Manager.PeerConnected += _ => throw new InvalidOperationException("subscriber bug");
        harness.Manager.PeerConnected += _ => Interlocked.Increment(ref told);
        harness.Manager.MessageReceived += (_, _) => received.TrySetResult();
        var peer = await harness.ConnectPeerAsync();
        Assert.Equal(1, Volatile.Read(ref told));
        Assert.Single(harness.Log.Lines, l => l.Level == LogLevel.Error && l.Text.Contains("Unexpected fault", StringComparison.Ordinal));

        // The connection's read loop runs: a message from the peer arrives.
        Assert.True(peer.TryGetPeer(harness.Manager.Local.Id, out var theirs));
        Assert.True(theirs.TrySend([0x80, 0x01]));
        await received.Task.WaitAsync(PolicyHarness.Deadline);
        Assert.True(harness.Manager.TryGetPeer(peer.Local.Id, out var ours));
        Assert.False(ours.IsClosing);
    }
}
