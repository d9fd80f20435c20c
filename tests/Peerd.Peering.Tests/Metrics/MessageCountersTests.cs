using System.Diagnostics.Metrics;
using Peerd.Peering.Metrics;

namespace Peerd.Peering.Tests.Metrics;

/// <summary>
/// Message counts by type, as an exporter reads them: nothing is counted while no listener is enabled, listed types
/// are counted under their names, others under <c>unknown</c>, each direction apart, bytes beside messages.
/// </summary>
public sealed class MessageCountersTests
{
    [Fact]
    public void CountsByTypeAndDirectionOnlyWhileAListenerIsEnabled()
    {
        var counters = PeerdMetrics.CreateMessageCounters("test-" + Guid.NewGuid().ToString("N"), [(18, "ping"), (19, "pong")]);
        counters.Count(MessageDirection.Receive, 18, 100);
        Assert.Equal((0L, 0L), counters.Totals(MessageDirection.Receive, 18));

        var seen = new List<(string Instrument, long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == PeerdMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var map = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                map[tag.Key] = tag.Value;
            }

            if (Equals(map.GetValueOrDefault("network"), counters.Network))
            {
                lock (seen)
                {
                    seen.Add((instrument.Name, value, map));
                }
            }
        });
        listener.Start();

        counters.Count(MessageDirection.Receive, 18, 100);
        counters.Count(MessageDirection.Receive, 18, 50);
        counters.Count(MessageDirection.Transmit, 19, 32);
        counters.Count(MessageDirection.Receive, 60_000, 7);
        counters.Count(MessageDirection.Receive, -1, 7);
        listener.RecordObservableInstruments();

        Assert.Equal((2L, 150L), counters.Totals(MessageDirection.Receive, 18));
        Assert.Equal("unknown", counters.NameOf(60_000));
        Assert.Contains(seen, m => m.Instrument == "peerd.peer.messages" && m.Value == 2 && Equals(m.Tags["type"], "ping") && Equals(m.Tags["direction"], "receive"));
        Assert.Contains(seen, m => m.Instrument == "peerd.peer.io" && m.Value == 150 && Equals(m.Tags["type"], "ping"));
        Assert.Contains(seen, m => m.Instrument == "peerd.peer.messages" && m.Value == 1 && Equals(m.Tags["type"], "pong") && Equals(m.Tags["direction"], "transmit"));
        Assert.Contains(seen, m => m.Instrument == "peerd.peer.messages" && m.Value == 2 && Equals(m.Tags["type"], "unknown"));
        Assert.DoesNotContain(seen, m => Equals(m.Tags["type"], "pong") && Equals(m.Tags["direction"], "receive"));
    }
}
