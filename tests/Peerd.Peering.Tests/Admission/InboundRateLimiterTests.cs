using System.Net;
using Microsoft.Extensions.Time.Testing;
using Peerd.Peering.Admission;

namespace Peerd.Peering.Tests.Admission;

public class InboundRateLimiterTests
{
    private readonly FakeTimeProvider _clock = new();

    private InboundRateLimiter Limiter(int burst = 3, double perSecond = 1, int table = 4096, bool loopback = false) =>
        new(Limits.Default with { InboundBurstPerAddress = burst, InboundConnectionsPerSecondPerAddress = perSecond, RateLimitedAddresses = table, RateLimitLoopback = loopback }, _clock);

    [Fact]
    public void AnAddressGetsItsBurstThenOneConnectionPerEarnedToken()
    {
        var limiter = Limiter();
        var address = IPAddress.Parse("203.0.113.9");
        Assert.True(limiter.TryAdmit(address));
        Assert.True(limiter.TryAdmit(address));
        Assert.True(limiter.TryAdmit(address));
        Assert.False(limiter.TryAdmit(address));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.TryAdmit(address));
        Assert.False(limiter.TryAdmit(address));
    }

    [Fact]
    public void AddressesHaveSeparateBuckets()
    {
        var limiter = Limiter(burst: 1);
        Assert.True(limiter.TryAdmit(IPAddress.Parse("203.0.113.1")));
        Assert.False(limiter.TryAdmit(IPAddress.Parse("203.0.113.1")));
        Assert.True(limiter.TryAdmit(IPAddress.Parse("203.0.113.2")));
    }

    [Fact]
    public void AnIPv4MappedAddressIsTheSameSourceAsItsIPv4Form()
    {
        var limiter = Limiter(burst: 1);
        Assert.True(limiter.TryAdmit(IPAddress.Parse("203.0.113.1")));
        Assert.False(limiter.TryAdmit(IPAddress.Parse("::ffff:203.0.113.1")));
    }

    [Fact]
    public void IPv6AddressesShareTheBucketOfTheirSlash64()
    {
        var limiter = Limiter(burst: 2);
        Assert.True(limiter.TryAdmit(IPAddress.Parse("2001:db8:1:2::1")));
        Assert.True(limiter.TryAdmit(IPAddress.Parse("2001:db8:1:2:ffff::9")));
        Assert.False(limiter.TryAdmit(IPAddress.Parse("2001:db8:1:2:abcd::1")));
        Assert.True(limiter.TryAdmit(IPAddress.Parse("2001:db8:1:3::1")));
    }

    [Fact]
    public void LoopbackIsExemptUnlessConfigured()
    {
        var exempt = Limiter(burst: 1);
        for (var i = 0; i < 100; i++)
        {
            Assert.True(exempt.TryAdmit(IPAddress.Loopback));
            Assert.True(exempt.TryAdmit(IPAddress.IPv6Loopback));
        }

        Assert.Equal(0, exempt.Tracked);
        var limited = Limiter(burst: 1, loopback: true);
        Assert.True(limited.TryAdmit(IPAddress.Loopback));
        Assert.False(limited.TryAdmit(IPAddress.Loopback));
    }

    [Fact]
    public void TheTableStaysWithinItsSizeDroppingFullBucketsFirst()
    {
        var limiter = Limiter(burst: 2, table: 8);
        var busy = IPAddress.Parse("198.51.100.1");
        Assert.True(limiter.TryAdmit(busy));
        Assert.True(limiter.TryAdmit(busy));
        for (var i = 0; i < 1000; i++)
        {
            limiter.TryAdmit(new IPAddress([10, 0, (byte)(i >> 8), (byte)i]));
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            Assert.True(limiter.Tracked <= 8);
        }

        // The busy address's empty bucket was the least recently used entry at some point and was dropped: it
        // starts again with a full burst. That is the price of a bounded table; it still gets no more than a burst.
        Assert.True(limiter.TryAdmit(busy));
    }
}
