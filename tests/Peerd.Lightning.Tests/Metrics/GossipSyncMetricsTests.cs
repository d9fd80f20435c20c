using System.Diagnostics.Metrics;
using Microsoft.Extensions.Time.Testing;
using Peerd.Lightning.Gossip;
using Peerd.Lightning.Metrics;
using Peerd.Peering.Metrics;
using static Peerd.Lightning.Tests.Gossip.Announcements;

namespace Peerd.Lightning.Tests.Metrics;

public sealed class GossipSyncMetricsTests
{
    [Fact]
    public void TheGaugeCountsTheAskedPeersByStateWhileTracked()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_750_000_000));
        var progress = new GossipSyncProgress(clock);
        progress.Asked(Id(1), 0);
        progress.Asked(Id(2), 0);
        progress.Asked(Id(3), 0);
        progress.Record(Id(2), new GossipCounts(1, 0, 0), default);
        progress.Disconnected(Id(3));

        using (LightningMetrics.TrackGossipSync(progress))
        {
            Assert.Equal(
                new Dictionary<string, int> { ["requested"] = 1, ["receiving"] = 1, ["done"] = 0, ["disconnected"] = 1 },
                Read());
            clock.Advance(progress.QuietPeriod);
            Assert.Equal(
                new Dictionary<string, int> { ["requested"] = 0, ["receiving"] = 0, ["done"] = 2, ["disconnected"] = 1 },
                Read());
        }

        Assert.Empty(Read());
    }

    private static Dictionary<string, int> Read()
    {
        var seen = new Dictionary<string, int>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument, PeerdMetrics.GossipSyncPeers))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((_, value, tags, _) =>
        {
            string? state = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "state")
                {
                    state = (string?)tag.Value;
                }
            }

            seen[state!] = value;
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return seen;
    }
}
