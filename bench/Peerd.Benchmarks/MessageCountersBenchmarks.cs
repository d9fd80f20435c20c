using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Peerd.Lightning.Metrics;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Peering.Metrics;

namespace Peerd.Benchmarks;

/// <summary>
/// What counting one message costs on a peer's read or write loop (<see cref="LightningMetrics.Received"/>: read the
/// type, look up its slot, two interlocked adds), with no exporter listening (<c>--metrics-addr</c> off) and with
/// the <c>Peerd</c> meter's instruments enabled, as the exporter enables them. The baseline reads the type only.
/// </summary>
[MemoryDiagnoser]
public class MessageCountersBenchmarks
{
    private static readonly byte[] Ping = new PingMessage(1).ToArray();
    private static readonly byte[] ChannelUpdate = UnknownType(258, 136);
    private static readonly byte[] Unknown = UnknownType(32_769, 1024);
    private MeterListener? _listener;

    /// <summary>Whether a listener has enabled the instruments.</summary>
    [Params(false, true)]
    public bool Enabled { get; set; }

    /// <summary>Enables the meter's instruments when <see cref="Enabled"/>.</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (!Enabled)
        {
            return;
        }

        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == PeerdMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.Start();
    }

    /// <summary>Stops the listener.</summary>
    [GlobalCleanup]
    public void Cleanup() => _listener?.Dispose();

    /// <summary>Reading the 2-byte type alone.</summary>
    [Benchmark(Baseline = true)]
    public int ReadTypeOnly() => (Ping[0] << 8) | Ping[1];

    /// <summary>A ping received.</summary>
    [Benchmark]
    public void CountPing() => LightningMetrics.Received(Ping);

    /// <summary>A gossip message (a listed type above 255) sent.</summary>
    [Benchmark]
    public void CountChannelUpdate() => LightningMetrics.Sent(ChannelUpdate);

    /// <summary>A type not listed (counted as <c>unknown</c>).</summary>
    [Benchmark]
    public void CountUnknown() => LightningMetrics.Received(Unknown);

    private static byte[] UnknownType(ushort type, int length)
    {
        var message = new byte[length];
        message[0] = (byte)(type >> 8);
        message[1] = (byte)type;
        return message;
    }
}
