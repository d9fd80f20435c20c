using System.Net;
using Microsoft.Extensions.Time.Testing;
using Peerd.Peering.Admission;

namespace Peerd.Peering.Tests.Admission;

/// <summary>The shared admission rules, in memory: a fake clock, a fake registry, no sockets and no sleeps.</summary>
public class ConnectionAdmissionTests
{
    private static readonly IPAddress Source = IPAddress.Parse("203.0.113.7");
    private readonly FakeTimeProvider _time = new();
    private readonly FakeHost _host = new();
    private readonly RecordingLog _log = new();

    private ConnectionAdmission Admission(AdmissionLimits? limits = null, int socketBudget = 1000) =>
        new(limits ?? Limits.Default, _host, _log, _time, new DescriptorBudget(socketBudget));

    [Fact]
    public void TheSocketBudgetIsTheOneItIsGiven()
    {
        Assert.Equal(1000, Admission().SocketBudget);
        Assert.Empty(_log.Lines);
    }

    [Fact]
    public void AFullTableRefusesANewcomerWhileItsHandshakesAreYoung()
    {
        var admission = Admission();
        var held = Enumerable.Range(0, 4).Select(i => admission.AdmitInbound(Source, $"a{i}", CancellationToken.None)).ToList();
        Assert.All(held, Assert.NotNull);

        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Null(admission.AdmitInbound(Source, "late", CancellationToken.None));
        Assert.Contains("refused late: too many pending handshakes", _log.Lines);
        Assert.Equal(4, admission.Pending.Count);
        Assert.All(held, p => Assert.False(p!.Token.IsCancellationRequested));
    }

    [Fact]
    public void AFullTableClosesItsOldestInboundHandshakeOnceItHasHadItsChance()
    {
        var admission = Admission();
        var oldest = admission.AdmitInbound(Source, "a0", CancellationToken.None)!;
        _time.Advance(TimeSpan.FromSeconds(1));
        var rest = Enumerable.Range(1, 3).Select(i => admission.AdmitInbound(Source, $"a{i}", CancellationToken.None)!).ToList();

        _time.Advance(TimeSpan.FromSeconds(4));
        var newcomer = admission.AdmitInbound(Source, "new", CancellationToken.None);
        Assert.NotNull(newcomer);
        Assert.True(oldest.WasShed);
        Assert.True(oldest.Token.IsCancellationRequested);
        Assert.Contains("evicted a0 for new", _log.Lines);
        Assert.All(rest, p => Assert.False(p.WasShed));

        // The next one finds the next-oldest, which is still young: refused, nothing else closed.
        Assert.Null(admission.AdmitInbound(Source, "next", CancellationToken.None));
        Assert.All(rest, p => Assert.False(p.WasShed));
        Assert.Equal(4, admission.Pending.Count);
    }

    [Fact]
    public void OutboundAttemptsAreNeverEvictedForAnInboundNewcomer()
    {
        var admission = Admission();
        var dials = Enumerable.Range(0, 4).Select(i => admission.BeginOutbound($"out{i}", CancellationToken.None)).ToList();
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(admission.AdmitInbound(Source, "in", CancellationToken.None));
        Assert.All(dials, d => Assert.False(d.WasShed));
    }

    [Fact]
    public void AnAddressBeyondItsBurstIsRefusedUntilItEarnsATokenBack()
    {
        var admission = Admission(Limits.Default with { InboundBurstPerAddress = 2, MaxPendingHandshakes = 100 });
        Assert.NotNull(admission.AdmitInbound(Source, "s", CancellationToken.None));
        Assert.NotNull(admission.AdmitInbound(Source, "s", CancellationToken.None));
        Assert.Null(admission.AdmitInbound(Source, "s", CancellationToken.None));
        Assert.Contains("rate s", _log.Lines);
        Assert.NotNull(admission.AdmitInbound(IPAddress.Parse("203.0.113.8"), "other", CancellationToken.None));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.NotNull(admission.AdmitInbound(Source, "s", CancellationToken.None));
    }

    [Fact]
    public void TheInboundCapRefusesAtAcceptOnlyWhenTheNetworkHasOne()
    {
        _host.Inbound = 3;
        Assert.NotNull(Admission().AdmitInbound(Source, "uncapped", CancellationToken.None));
        Assert.Null(Admission(Limits.Default with { MaxInboundPeers = 3 }).AdmitInbound(Source, "capped", CancellationToken.None));
        Assert.Contains("refused capped: too many inbound peers", _log.Lines);
    }

    [Fact]
    public void ANodeThatIsStoppingAdmitsNothing()
    {
        Assert.Null(Admission().AdmitInbound(Source, "s", new CancellationToken(canceled: true)));
    }

    [Fact]
    public void AtTheBudgetPendingConnectionsAreShedBeforeAnyPeer()
    {
        _host.Inbound = 2;
        var admission = Admission(Limits.Default with { MaxPendingHandshakes = 100 }, socketBudget: 5);
        var inbound = admission.AdmitInbound(Source, "a", CancellationToken.None)!;
        var outbound = admission.BeginOutbound("b", CancellationToken.None);

        // 2 peers + 2 pending + this one = 5: still within the budget.
        var third = admission.AdmitInbound(Source, "c", CancellationToken.None)!;
        Assert.False(inbound.WasShed || outbound.WasShed);

        // One more reaches it: every pending connection is closed, no peer.
        var fourth = admission.AdmitInbound(Source, "d", CancellationToken.None);
        Assert.NotNull(fourth);
        Assert.True(inbound.WasShed && outbound.WasShed && third.WasShed);
        Assert.Empty(_host.Closed);
        Assert.Contains(_log.Lines, l => l.StartsWith("shed 2 in 1 out (5 peer sockets is the budget)", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenPeersAloneFillTheBudgetARandomPeerIsClosedInboundFirst()
    {
        _host.Inbound = 1;
        _host.Outbound = 4;
        var admission = Admission(socketBudget: 5);
        Assert.NotNull(admission.AdmitInbound(Source, "a", CancellationToken.None));
        Assert.Equal([true], _host.Closed);
        Assert.Contains("shed peer in1", _log.Lines);

        // Peers alone still fill it, none inbound: an outbound one goes.
        admission.Pending.ShedAll();
        _host.Outbound = 5;
        admission.BeginOutbound("b", CancellationToken.None).Dispose();
        Assert.Equal([true, false], _host.Closed);
    }

    [Fact]
    public void OnEmfileWithNothingPendingARandomPeerIsClosed()
    {
        _host.Outbound = 1;
        var admission = Admission();
        Assert.True(admission.OnDescriptorFailure(new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.TooManyOpenSockets), "Too many open files"));
        Assert.Equal([false], _host.Closed);
    }

    [Fact]
    public void OnEmfilePendingConnectionsGoFirstAndOnlyAnInboundPeerMayFollow()
    {
        _host.Outbound = 3;
        var admission = Admission();
        var dial = admission.BeginOutbound("dial", CancellationToken.None);
        var spared = admission.BeginOutbound("retrying", CancellationToken.None);
        var emfile = new IOException("accept", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.TooManyOpenSockets));
        Assert.True(admission.OnDescriptorFailure(emfile, "Too many open files", except: spared));
        Assert.True(dial.WasShed);
        Assert.False(spared.WasShed);
        Assert.Empty(_host.Closed);

        Assert.False(admission.OnDescriptorFailure(new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused), "refused"));
    }

    [Fact]
    public void SheddingReportsAreThrottledWithACountOfWhatWasFolded()
    {
        var admission = Admission(Limits.Default with { MaxPendingHandshakes = 100 });
        for (var i = 0; i < 3; i++)
        {
            admission.AdmitInbound(Source, "x", CancellationToken.None);
            admission.Shed("pressure", budgetKnown: true);
        }

        Assert.Single(_log.Lines, l => l.StartsWith("shed ", StringComparison.Ordinal));
        _time.Advance(TimeSpan.FromSeconds(10));
        admission.AdmitInbound(Source, "x", CancellationToken.None);
        admission.Shed("pressure", budgetKnown: true);
        Assert.Contains("shed 1 in 0 out (pressure); 2 more such event(s) since the last report", _log.Lines);
    }

    [Fact]
    public void AHandshakeThatEndsLeavesTheTableWhateverItsOutcome()
    {
        var admission = Admission();
        var done = admission.AdmitInbound(Source, "a", CancellationToken.None)!;
        var shed = admission.AdmitInbound(Source, "b", CancellationToken.None)!;
        shed.Shed();
        Assert.Equal(1, admission.Pending.Count);
        done.Dispose();
        shed.Dispose();
        done.Dispose();
        Assert.Equal(0, admission.Pending.Count);
        Assert.Null(admission.Pending.OldestInbound());
    }
}
