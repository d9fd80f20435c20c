using Peerd.Peering.Admission;

namespace Peerd.Peering.Tests.Admission;

public class PendingConnectionsTests
{
    [Fact]
    public void TheOldestInboundEntryIsFoundAndOutboundOnesAreNotCandidates()
    {
        var pending = new PendingConnections();
        using var outbound = pending.Add(inbound: false, "out", 1, CancellationToken.None);
        using var first = pending.Add(inbound: true, "first", 10, CancellationToken.None);
        using var second = pending.Add(inbound: true, "second", 20, CancellationToken.None);
        Assert.Same(first, pending.OldestInbound());
        Assert.Equal(3, pending.Count);
        first.Dispose();
        Assert.Same(second, pending.OldestInbound());
    }

    [Fact]
    public void SheddingCancelsEveryEntryOnceCountsEachDirectionAndFreesTheirPlaces()
    {
        var pending = new PendingConnections();
        using var a = pending.Add(inbound: true, "a", 1, CancellationToken.None);
        using var b = pending.Add(inbound: true, "b", 2, CancellationToken.None);
        using var c = pending.Add(inbound: false, "c", 3, CancellationToken.None);
        Assert.Equal((2, 1), pending.ShedAll());
        Assert.True(a.Token.IsCancellationRequested && b.Token.IsCancellationRequested && c.Token.IsCancellationRequested);
        Assert.True(a.WasShed);
        Assert.Equal(0, pending.Count);
        Assert.Equal((0, 0), pending.ShedAll());
    }

    [Fact]
    public void AnEntrySparedFromSheddingKeepsItsPlace()
    {
        var pending = new PendingConnections();
        using var a = pending.Add(inbound: false, "a", 1, CancellationToken.None);
        using var b = pending.Add(inbound: false, "b", 2, CancellationToken.None);
        Assert.Equal((0, 1), pending.ShedAll(except: b));
        Assert.False(b.WasShed);
        Assert.Equal(1, pending.Count);
    }

    [Fact]
    public void AnEntryLeavesTheTableWhenDisposedAndFollowsItsParentToken()
    {
        var pending = new PendingConnections();
        using var parent = new CancellationTokenSource();
        var entry = pending.Add(inbound: true, "a", 1, parent.Token);
        parent.Cancel();
        Assert.True(entry.Token.IsCancellationRequested);
        Assert.False(entry.WasShed);
        entry.Dispose();
        Assert.False(entry.Shed());
        Assert.Equal(0, pending.Count);
        Assert.Null(pending.OldestInbound());
    }
}
