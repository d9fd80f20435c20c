using System.Net.Sockets;
using Peerd.Peering.Admission;

namespace Peerd.Peering.Tests.Admission;

public class DescriptorBudgetTests
{
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
    public void TheBudgetIsTheLimitLessWhatIsOpenLessTheReserve()
    {
        var budget = DescriptorBudget.Compute(Limits.Default with { SocketBudget = null, DescriptorReserve = 100 }, out var limit, out var open);
        Assert.True(limit > 0);
        Assert.True(open > 0);
        Assert.Equal(Math.Clamp(limit - open - 100, 0, int.MaxValue), budget);
    }

    [Fact]
    public void AnExplicitBudgetWins()
    {
        Assert.Equal(7, DescriptorBudget.Compute(Limits.Default with { SocketBudget = 7 }, out _, out _));
    }
}
