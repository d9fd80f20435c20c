using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using Peerd.Peering.Admission;

namespace Peerd.Peering.Tests.Admission;

/// <summary>The process's one descriptor budget, shared by two ports, in memory: fake registries, a fake clock.</summary>
public class DescriptorBudgetTests
{
    private static readonly IPAddress Source = IPAddress.Parse("203.0.113.7");
    private readonly FakeTimeProvider _time = new();
    private readonly FakeHost _lightning = new();
    private readonly FakeHost _xrpl = new();
    private readonly RecordingLog _lightningLog = new();
    private readonly RecordingLog _xrplLog = new();

    [Fact]
    public void EmfileAndEnfileAreExhaustionWhereverTheyAreWrapped()
    {
        var emfile = new SocketException((int)SocketError.TooManyOpenSockets);
        Assert.True(DescriptorBudget.IsExhaustion(emfile));
        Assert.True(DescriptorBudget.IsExhaustion(new InvalidOperationException("connect failed", new IOException("write failed", emfile))));
        Assert.False(DescriptorBudget.IsExhaustion(new SocketException((int)SocketError.ConnectionRefused)));
        Assert.False(DescriptorBudget.IsExhaustion(new TimeoutException("Connection timed out")));
        Assert.False(DescriptorBudget.IsExhaustion(null));
    }

    [Fact]
    public void TheProcessBudgetIsTheLimitLessWhatIsOpenLessTheReserve()
    {
        var budget = DescriptorBudget.ForProcess(reserve: 100);
        Assert.True(budget.DescriptorLimit > 0);
        Assert.True(budget.OpenAtStart > 0);
        Assert.Equal(100, budget.Reserve);
        Assert.Equal(Math.Clamp(budget.DescriptorLimit - budget.OpenAtStart - 100, 0, int.MaxValue), budget.Sockets);
    }

    [Fact]
    public void TwoPortsDrawOnOneBudget()
    {
        var budget = new DescriptorBudget(10);
        using var lightning = Port(budget, _lightning, _lightningLog);
        using var xrpl = Port(budget, _xrpl, _xrplLog);
        _lightning.Inbound = 3;
        _xrpl.Outbound = 2;
        var pending = xrpl.AdmitInbound(Source, "x", CancellationToken.None);
        Assert.NotNull(pending);

        Assert.Equal(10, lightning.SocketBudget);
        Assert.Equal(10, xrpl.SocketBudget);
        Assert.Equal(6, budget.Held);
    }

    [Fact]
    public void ThePortThatReachesTheBudgetShedsThePendingConnectionsOfBoth()
    {
        var budget = new DescriptorBudget(6);
        using var lightning = Port(budget, _lightning, _lightningLog);
        using var xrpl = Port(budget, _xrpl, _xrplLog);
        _lightning.Inbound = 1;
        _xrpl.Inbound = 1;
        var lightningPending = lightning.AdmitInbound(Source, "l1", CancellationToken.None)!;
        var lightningDial = lightning.BeginOutbound("l2", CancellationToken.None);
        var xrplPending = xrpl.AdmitInbound(Source, "x1", CancellationToken.None)!;

        // 2 peers + 3 pending + this one = 6: within the budget, though each port alone holds far less.
        var xrplSecond = xrpl.AdmitInbound(Source, "x2", CancellationToken.None)!;
        Assert.False(lightningPending.WasShed || lightningDial.WasShed || xrplPending.WasShed);

        // One more on the XRPL port reaches the one budget: the Lightning port's pending connections go too.
        Assert.NotNull(xrpl.AdmitInbound(Source, "x3", CancellationToken.None));
        Assert.True(lightningPending.WasShed && lightningDial.WasShed && xrplPending.WasShed && xrplSecond.WasShed);
        Assert.Empty(_lightning.Closed);
        Assert.Empty(_xrpl.Closed);
        Assert.Contains(_lightningLog.Lines, l => l.StartsWith("shed 1 in 1 out (6 peer sockets is the budget)", StringComparison.Ordinal));
        Assert.Contains(_xrplLog.Lines, l => l.StartsWith("shed 2 in 0 out (6 peer sockets is the budget)", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenPeersOfBothPortsFillTheBudgetAnInboundPeerIsClosedWhereverItIs()
    {
        var budget = new DescriptorBudget(4);
        using var lightning = Port(budget, _lightning, _lightningLog);
        using var xrpl = Port(budget, _xrpl, _xrplLog);
        _lightning.Outbound = 3;
        _xrpl.Inbound = 1;

        // The Lightning port admits, but the only inbound peer is the XRPL port's: it is the one closed.
        Assert.NotNull(lightning.AdmitInbound(Source, "l", CancellationToken.None));
        Assert.Equal([true], _xrpl.Closed);
        Assert.Empty(_lightning.Closed);
        Assert.Contains("shed peer in1", _xrplLog.Lines);
    }

    [Fact]
    public void AnEmfileOnOnePortShedsThePendingConnectionsOfBoth()
    {
        var budget = new DescriptorBudget(1000);
        using var lightning = Port(budget, _lightning, _lightningLog);
        using var xrpl = Port(budget, _xrpl, _xrplLog);
        _lightning.Outbound = 1;
        var xrplPending = xrpl.AdmitInbound(Source, "x", CancellationToken.None)!;

        Assert.True(lightning.OnDescriptorFailure(new SocketException((int)SocketError.TooManyOpenSockets), "Too many open files"));
        Assert.True(xrplPending.WasShed);
        Assert.Empty(_lightning.Closed); // something pending was closed and no peer is inbound: no peer goes
    }

    [Fact]
    public void APortThatClosedNoLongerCounts()
    {
        var budget = new DescriptorBudget(3);
        using var lightning = Port(budget, _lightning, _lightningLog);
        var xrpl = Port(budget, _xrpl, _xrplLog);
        _xrpl.Inbound = 3;
        Assert.Equal(3, budget.Held);

        xrpl.Dispose();
        Assert.Equal(0, budget.Held);
        Assert.NotNull(lightning.AdmitInbound(Source, "l", CancellationToken.None));
        Assert.Empty(_xrpl.Closed);
    }

    private ConnectionAdmission Port(DescriptorBudget budget, FakeHost host, RecordingLog log) =>
        new(Limits.Default with { MaxPendingHandshakes = 100 }, host, log, _time, budget);
}
