using Peerd.Xrpl.Overlay;
using Peerd.Xrpl.Protocol.Messages;

namespace Peerd.Xrpl.Tests.Overlay;

public class EndpointCacheTests
{
    private static readonly System.Net.IPAddress Sender = System.Net.IPAddress.Parse("203.0.113.9");

    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static TMEndpoints Endpoints(string prefix, int count)
    {
        var message = new TMEndpoints { Version = 2 };
        message.EndpointsV2.AddRange(Enumerable.Range(0, count).Select(i => new TMEndpoints.Types.TMEndpointv2 { Endpoint = $"{prefix}.{i / 250}.{(i % 250) + 1}:51235", Hops = 1 }));
        return message;
    }

    [Fact]
    public void OnePeerCannotFlushTheOthers()
    {
        var cache = new EndpointCache(capacity: 100, perSource: 10, allowPrivate: true);
        cache.Add(Endpoints("192.0", 5), "honest", Sender, Now);
        for (var i = 0; i < 50; i++)
        {
            cache.Add(Endpoints($"10.{i}", 10), "flooder", Sender, Now + ((i + 1) * EndpointCache.MessageInterval));
        }

        var entries = cache.Snapshot();
        Assert.Equal(5, entries.Count(e => e.Source == "honest"));
        Assert.Equal(10, entries.Count(e => e.Source == "flooder"));
        Assert.All(entries.Where(e => e.Source == "flooder"), e => Assert.StartsWith("10.49.", e.Endpoint, StringComparison.Ordinal));
    }

    [Fact]
    public void OneMessageIsTakenOnlyUpToItsSourcesShare()
    {
        var cache = new EndpointCache(capacity: 100, perSource: 10, allowPrivate: true);
        Assert.Equal(10, cache.Add(Endpoints("192.0", 40), "peer", Sender, Now));
        Assert.Equal(10, cache.Count);
    }

    [Fact]
    public void ManySourcesFillTheBookAndTheOldestAddressesGoFirst()
    {
        var cache = new EndpointCache(capacity: 20, perSource: 10, allowPrivate: true);
        for (var i = 0; i < 5; i++)
        {
            cache.Add(Endpoints($"10.{i}", 10), $"peer{i}", Sender, Now.AddSeconds(i));
        }

        Assert.Equal(20, cache.Count);
        var entries = cache.Snapshot();
        Assert.Equal(["peer4", "peer3"], entries.Select(e => e.Source).Distinct());
        Assert.Equal("peer4", entries[0].Source);
        Assert.Single(cache.Snapshot(1));
    }

    [Fact]
    public void AnAddressHeardAgainMovesToItsNewSourceAndTheFront()
    {
        var cache = new EndpointCache(capacity: 20, perSource: 2, allowPrivate: true);
        cache.Add(Endpoints("192.0", 2), "a", Sender, Now);
        cache.Add(Endpoints("192.0", 1), "b", Sender, Now.AddSeconds(1));
        var entries = cache.Snapshot();
        Assert.Equal(2, entries.Count);
        Assert.Equal(("192.0.0.1:51235", "b"), (entries[0].Endpoint, entries[0].Source));

        // a's share now holds one address: it may add one more without losing it.
        cache.Add(Endpoints("198.51", 1), "a", Sender, Now + (2 * EndpointCache.MessageInterval));
        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public void ASecondMessageFromOneSourceWithinTheIntervalIsNotTaken()
    {
        var cache = new EndpointCache(capacity: 100, perSource: 10, allowPrivate: true);
        Assert.Equal(2, cache.Add(Endpoints("192.0", 2), "peer", Sender, Now));
        Assert.Equal(0, cache.Add(Endpoints("198.51", 2), "peer", Sender, Now + EndpointCache.MessageInterval - TimeSpan.FromSeconds(1)));
        Assert.Equal(2, cache.Add(Endpoints("198.51", 2), "peer", Sender, Now + EndpointCache.MessageInterval));
    }

    [Fact]
    public void RedirectsCountAgainstTheAddressThatSentThem()
    {
        var cache = new EndpointCache(capacity: 100, perSource: 3, allowPrivate: true);
        var from = new System.Net.IPEndPoint(System.Net.IPAddress.Parse("203.0.113.5"), 51235);
        Assert.Equal(3, cache.AddRedirects(["192.0.2.1:51235", "192.0.2.2:51235", "192.0.2.3:51235", "192.0.2.4:51235"], from, Now));
        Assert.All(cache.Snapshot(), e => Assert.Equal("redirect from 203.0.113.5:51235", e.Source));
    }
}
