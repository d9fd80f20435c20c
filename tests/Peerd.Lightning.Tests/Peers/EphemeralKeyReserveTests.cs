using Peerd.Crypto;
using Peerd.Lightning.Peers;

namespace Peerd.Lightning.Tests.Peers;

public class EphemeralKeyReserveTests
{
    [Fact]
    public void AnEmptyReserveStillHandsOutAFreshKey()
    {
        var reserve = new EphemeralKeyReserve(2);
        var key = reserve.Take();
        Assert.False(key.IsTaken);
        Assert.Equal(0, reserve.Count);
    }

    [Fact]
    public void AKeyMadeByRefillIsTheNextOneTaken()
    {
        var reserve = new EphemeralKeyReserve(2);
        reserve.RefillOne();
        Assert.Equal(1, reserve.Count);

        var taken = reserve.Take();
        Assert.Equal(0, reserve.Count);
        Assert.False(taken.IsTaken);
    }

    [Fact]
    public void RefillStopsAtCapacity()
    {
        var reserve = new EphemeralKeyReserve(3);
        for (var i = 0; i < 10; i++)
        {
            reserve.RefillOne();
        }

        Assert.Equal(3, reserve.Count);
    }

    [Fact]
    public void NoKeyIsHandedOutTwiceUnderConcurrentTakesAndRefills()
    {
        var reserve = new EphemeralKeyReserve(4);
        var handedOut = new System.Collections.Concurrent.ConcurrentBag<EphemeralKeyPair>();
        Parallel.For(0, 2_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            if (i % 2 == 0)
            {
                reserve.RefillOne();
            }
            else
            {
                handedOut.Add(reserve.Take());
            }
        });

        var keys = handedOut.ToArray();
        Assert.Equal(1_000, keys.Length);
        Assert.Equal(keys.Length, keys.Distinct(ReferenceEqualityComparer.Instance).Count());
        Assert.Equal(keys.Length, keys.Select(k => Convert.ToHexString(k.PublicKey)).Distinct().Count());
        Assert.All(keys, k => Assert.False(k.IsTaken));
    }

    [Fact]
    public void ACapacityBelowOneIsRefused()
    {
        Assert.ThrowsAny<ArgumentException>(() => new EphemeralKeyReserve(0));
    }
}
