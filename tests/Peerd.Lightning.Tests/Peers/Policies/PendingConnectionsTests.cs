using System.Net;
using Peerd.Lightning.Peers;
using Peerd.Lightning.Peers.Policies;
using Peerd.Lightning.Transport;

namespace Peerd.Lightning.Tests.Peers.Policies;

public class PendingConnectionsTests
{
    private static readonly PeerEndpoint Remote = PeerEndpoint.FromIp(IPAddress.Loopback, 9735);

    [Fact]
    public void TheOldestInboundEntryIsFoundAndOutboundOnesAreNotCandidates()
    {
        var pending = new PendingConnections();
        using var outbound = pending.Add(PeerDirection.Out, Remote, 1, CancellationToken.None);
        using var second = pending.Add(PeerDirection.In, Remote, 20, CancellationToken.None);
        using var first = pending.Add(PeerDirection.In, Remote, 10, CancellationToken.None);
        Assert.Same(first, pending.OldestInbound());
        Assert.Equal(3, pending.Count);
    }

    [Fact]
    public void SheddingCancelsEveryEntryOnceAndCountsEachDirection()
    {
        var pending = new PendingConnections();
        using var a = pending.Add(PeerDirection.In, Remote, 1, CancellationToken.None);
        using var b = pending.Add(PeerDirection.In, Remote, 2, CancellationToken.None);
        using var c = pending.Add(PeerDirection.Out, Remote, 3, CancellationToken.None);
        Assert.Equal((2, 1), pending.ShedAll());
        Assert.True(a.Token.IsCancellationRequested && b.Token.IsCancellationRequested && c.Token.IsCancellationRequested);
        Assert.True(a.WasShed);
        Assert.Equal((0, 0), pending.ShedAll());
    }

    [Fact]
    public void AnEntryLeavesTheTableWhenDisposedAndFollowsItsParentToken()
    {
        var pending = new PendingConnections();
        using var parent = new CancellationTokenSource();
        var entry = pending.Add(PeerDirection.In, Remote, 1, parent.Token);
        parent.Cancel();
        Assert.True(entry.Token.IsCancellationRequested);
        Assert.False(entry.WasShed);
        entry.Dispose();
        Assert.Equal(0, pending.Count);
        Assert.Null(pending.OldestInbound());
    }
}
