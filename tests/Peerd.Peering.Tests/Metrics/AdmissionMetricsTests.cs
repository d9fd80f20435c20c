using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using Peerd.Peering.Admission;
using Peerd.Peering.Metrics;
using Peerd.Peering.Tests.Admission;

namespace Peerd.Peering.Tests.Metrics;

/// <summary>
/// What a <see cref="ConnectionAdmission"/> counts: each refusal by reason, each shed handshake and peer by kind,
/// direction and reason, including the events its throttled log folds into one line.
/// </summary>
public sealed class AdmissionMetricsTests : IDisposable
{
    private static readonly IPAddress Source = IPAddress.Parse("203.0.113.7");
    private readonly FakeTimeProvider _time = new();
    private readonly FakeHost _host = new();
    private readonly RecordingLog _log = new();
    private readonly string _network = "test-" + Guid.NewGuid().ToString("N");
    private readonly List<(string Instrument, long Value, Dictionary<string, object?> Tags)> _seen = [];
    private readonly MeterListener _listener = new();

    public AdmissionMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PeerdMetrics.MeterName && instrument.Name.StartsWith("peerd.connections.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var map = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                map[tag.Key] = tag.Value;
            }

            if (Equals(map.GetValueOrDefault("network"), _network))
            {
                lock (_seen)
                {
                    _seen.Add((instrument.Name, value, map));
                }
            }
        });
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public void RefusalsAreCountedByReason()
    {
        var admission = new ConnectionAdmission(Limits.Default with { InboundBurstPerAddress = 1, MaxInboundPeers = 5 }, _host, _log, _time, metrics: new AdmissionMetrics(_network));
        Assert.NotNull(admission.AdmitInbound(Source, "a", CancellationToken.None));
        Assert.Null(admission.AdmitInbound(Source, "a", CancellationToken.None));
        _host.Inbound = 5;
        Assert.Null(admission.AdmitInbound(IPAddress.Parse("203.0.113.8"), "b", CancellationToken.None));
        _host.Inbound = 0;
        for (var i = 0; i < 4; i++)
        {
            admission.AdmitInbound(IPAddress.Parse($"198.51.100.{i + 1}"), $"c{i}", CancellationToken.None);
        }

        Assert.Equal(1, Sum("peerd.connections.refused", ("reason", "rate_limited")));
        Assert.Equal(1, Sum("peerd.connections.refused", ("reason", "inbound_cap")));
        Assert.Equal(1, Sum("peerd.connections.refused", ("reason", "pending_full")));

        _time.Advance(TimeSpan.FromSeconds(6));
        Assert.NotNull(admission.AdmitInbound(IPAddress.Parse("198.51.100.9"), "d", CancellationToken.None));
        Assert.Equal(1, Sum("peerd.connections.shed", ("kind", "handshake"), ("reason", "eviction")));
    }

    [Fact]
    public void EverySheddingIsCountedEvenWhenItsLogLineIsFolded()
    {
        var admission = new ConnectionAdmission(Limits.Default, _host, _log, _time, new DescriptorBudget(3), new AdmissionMetrics(_network));
        admission.AdmitInbound(Source, "in", CancellationToken.None);
        admission.BeginOutbound("out", CancellationToken.None);
        _host.Inbound = 4;
        _host.Outbound = 1;
        admission.Shed("budget", budgetKnown: true);
        admission.Shed("budget", budgetKnown: true);

        Assert.Single(_log.Lines, l => l.StartsWith("shed peer", StringComparison.Ordinal));
        Assert.Equal(1, Sum("peerd.connections.shed", ("kind", "handshake"), ("direction", "inbound"), ("reason", "descriptor_budget")));
        Assert.Equal(1, Sum("peerd.connections.shed", ("kind", "handshake"), ("direction", "outbound"), ("reason", "descriptor_budget")));
        Assert.Equal(2, Sum("peerd.connections.shed", ("kind", "peer"), ("direction", "inbound"), ("reason", "descriptor_budget")));
    }

    private long Sum(string instrument, params (string Key, string Value)[] tags)
    {
        lock (_seen)
        {
            return _seen.Where(m => m.Instrument == instrument && tags.All(t => Equals(m.Tags.GetValueOrDefault(t.Key), t.Value))).Sum(m => m.Value);
        }
    }
}
