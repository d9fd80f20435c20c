using System.Diagnostics.Metrics;
using System.Reflection;

namespace Peerd.Peering.Metrics;

/// <summary>
/// Every instrument of the daemon, on one <see cref="Meter"/> named <c>Peerd</c>. Names follow OpenTelemetry's
/// conventions (dotted, the unit apart), which the Prometheus exporter turns into Prometheus's
/// (<c>peerd.connect.duration</c> in seconds is <c>peerd_connect_duration_seconds</c>, a counter gains <c>_total</c>).
/// The instruments exist from the first use of this type; they cost almost nothing until a listener (the exporter
/// behind <c>--metrics-addr</c>) enables them. Per-message counts are not recorded through the SDK at all: each
/// network counts into a <see cref="MessageCounters"/> (two interlocked adds) and the exporter reads the totals at a
/// scrape, through observable counters.
/// </summary>
public static class PeerdMetrics
{
    /// <summary>The meter's name, which an exporter subscribes to.</summary>
    public const string MeterName = "Peerd";

    /// <summary>Bucket bounds of <c>peerd.connect.duration</c>, in seconds: a loopback connect takes ~0.5 ms, a far one or a Tor one seconds.</summary>
    public static readonly IReadOnlyList<double> ConnectDurationBuckets =
        [0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private static readonly Lock Lock = new();
    private static readonly List<MessageCounters> MessageSources = [];
    private static readonly List<Registration<PeerPortState>> PeerPorts = [];
    private static readonly List<Registration<IReadOnlyList<KeyValuePair<string, int>>>> GossipSyncs = [];
    private static long _validatedLedger;

    /// <summary>The meter.</summary>
    public static Meter Meter { get; } = new(MeterName, typeof(PeerdMetrics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]);

    /// <summary><c>peerd.handshakes</c>: handshakes ended, by <c>network</c>, <c>direction</c>, <c>outcome</c> and, on failure, the <c>stage</c> that failed.</summary>
    public static Counter<long> Handshakes { get; } = Meter.CreateCounter<long>(
        "peerd.handshakes", "{handshake}", "Peer handshakes ended (both directions), by outcome and failing stage");

    /// <summary><c>peerd.connects</c>: outbound connection attempts ended (one per address tried), by <c>network</c>, <c>outcome</c> and failing <c>stage</c>.</summary>
    public static Counter<long> Connects { get; } = Meter.CreateCounter<long>(
        "peerd.connects", "{connect}", "Outbound connection attempts ended (one per address tried), by outcome and failing stage");

    /// <summary><c>peerd.connect.duration</c>: seconds from the dial to a ready session (or the failure), by <c>network</c> and <c>outcome</c>.</summary>
    public static Histogram<double> ConnectDuration { get; } = Meter.CreateHistogram<double>(
        "peerd.connect.duration",
        "s",
        "Seconds from the start of an outbound dial to a ready peer session, or to its failure",
        tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = ConnectDurationBuckets });

    /// <summary><c>peerd.connections.refused</c>: inbound connections closed at accept, by <c>network</c> and <c>reason</c>.</summary>
    public static Counter<long> Refused { get; } = Meter.CreateCounter<long>(
        "peerd.connections.refused", "{connection}", "Inbound connections closed at accept by admission, by reason");

    /// <summary><c>peerd.connections.shed</c>: connections closed to make room, by <c>network</c>, <c>kind</c>, <c>direction</c> and <c>reason</c>.</summary>
    public static Counter<long> Shed { get; } = Meter.CreateCounter<long>(
        "peerd.connections.shed", "{connection}", "Pending handshakes and peers closed to free descriptors or handshake slots, by reason");

    /// <summary><c>peerd.gossip.messages</c>: channel gossip judged by the graph, by <c>outcome</c> and <c>reason</c>.</summary>
    public static Counter<long> Gossip { get; } = Meter.CreateCounter<long>(
        "peerd.gossip.messages", "{message}", "Lightning channel gossip judged by the channel graph: accepted, or rejected with the reason");

    /// <summary><c>peerd.xrpl.validations</c>: XRPL validations received, by <c>result</c>.</summary>
    public static Counter<long> Validations { get; } = Meter.CreateCounter<long>(
        "peerd.xrpl.validations", "{validation}", "XRPL validations received: from a trusted or an untrusted validator, or refused with the reason");

    /// <summary><c>peerd.xrpl.ledgers.validated</c>: ledgers that reached the trusted validators' quorum.</summary>
    public static Counter<long> LedgersValidated { get; } = Meter.CreateCounter<long>(
        "peerd.xrpl.ledgers.validated", "{ledger}", "XRPL ledgers that reached the quorum of trusted validations");

    /// <summary><c>peerd.peer.messages</c>: messages by <c>network</c>, <c>direction</c> (<c>receive</c>/<c>transmit</c>) and <c>type</c>; read from <see cref="MessageCounters"/>.</summary>
    public static ObservableCounter<long> Messages { get; } = Meter.CreateObservableCounter(
        "peerd.peer.messages", () => ReadMessages(bytes: false), "{message}", "Peer messages received and sent, by message type");

    /// <summary><c>peerd.peer.io</c>: message bytes by <c>network</c>, <c>direction</c> and <c>type</c>; read from <see cref="MessageCounters"/>.</summary>
    public static ObservableCounter<long> MessageBytes { get; } = Meter.CreateObservableCounter(
        "peerd.peer.io", () => ReadMessages(bytes: true), "By", "Peer message bytes received and sent (type and payload; framing and encryption excluded), by message type");

    /// <summary><c>peerd.peers</c>: connected peers by <c>network</c> and <c>direction</c> (<c>inbound</c>/<c>outbound</c>).</summary>
    public static ObservableGauge<int> Peers { get; } = Meter.CreateObservableGauge(
        "peerd.peers", ReadPeers, "{peer}", "Connected peers, by network and direction");

    /// <summary><c>peerd.peer_sockets.usage</c>: peer sockets held (peers and pending handshakes) by <c>network</c>.</summary>
    public static ObservableGauge<int> SocketsInUse { get; } = Meter.CreateObservableGauge(
        "peerd.peer_sockets.usage", () => ReadPorts(s => s.SocketsInUse), "{socket}", "Peer sockets held: connected peers plus pending handshakes");

    /// <summary><c>peerd.peer_sockets.limit</c>: the descriptor budget for peer sockets, by <c>network</c>.</summary>
    public static ObservableGauge<int> SocketBudget { get; } = Meter.CreateObservableGauge(
        "peerd.peer_sockets.limit", () => ReadPorts(s => s.SocketBudget), "{socket}", "Peer sockets held at most before descriptor pressure sheds (the descriptor budget)");

    /// <summary><c>peerd.gossip.sync.peers</c>: peers asked for gossip, by <c>state</c> of their answer; read from <see cref="TrackGossipSync"/>.</summary>
    public static ObservableGauge<int> GossipSyncPeers { get; } = Meter.CreateObservableGauge(
        "peerd.gossip.sync.peers", ReadGossipSync, "{peer}", "Peers asked for gossip, by the state of their answer (requested, receiving, done, disconnected)");

    /// <summary><c>peerd.xrpl.validated_ledger.sequence</c>: the sequence of the last validated XRPL ledger.</summary>
    public static ObservableGauge<long> ValidatedLedger { get; } = Meter.CreateObservableGauge(
        "peerd.xrpl.validated_ledger.sequence", ReadValidatedLedger, "{ledger}", "Sequence of the newest XRPL ledger validated by the trusted quorum");

    /// <summary>Records the sequence of a newly validated XRPL ledger (the gauge) and counts it.</summary>
    public static void OnLedgerValidated(long sequence)
    {
        Volatile.Write(ref _validatedLedger, sequence);
        LedgersValidated.Add(1);
    }

    /// <summary>
    /// Makes a network's message counters (one per network, kept for the process's life: the counts are totals).
    /// </summary>
    /// <param name="network">The <c>network</c> label.</param>
    /// <param name="types">Known message types and their names; others are counted as <c>unknown</c>.</param>
    public static MessageCounters CreateMessageCounters(string network, IReadOnlyList<(int Type, string Name)> types)
    {
        var counters = new MessageCounters(network, types);
        lock (Lock)
        {
            MessageSources.Add(counters);
        }

        return counters;
    }

    /// <summary>Reports a peer port's peers and sockets on the gauges until the result is disposed.</summary>
    /// <param name="network">The <c>network</c> label.</param>
    /// <param name="read">Reads the port's state now (at a scrape, on the exporter's thread).</param>
    public static IDisposable TrackPeerPort(string network, Func<PeerPortState> read)
    {
        var registration = new Registration<PeerPortState>(network, read, PeerPorts);
        lock (Lock)
        {
            PeerPorts.Add(registration);
        }

        return registration;
    }

    /// <summary>Reports the gossip sync's peers by state on <see cref="GossipSyncPeers"/> until the result is disposed.</summary>
    /// <param name="network">The <c>network</c> label.</param>
    /// <param name="read">Reads each state's peer count now (at a scrape, on the exporter's thread).</param>
    public static IDisposable TrackGossipSync(string network, Func<IReadOnlyList<KeyValuePair<string, int>>> read)
    {
        var registration = new Registration<IReadOnlyList<KeyValuePair<string, int>>>(network, read, GossipSyncs);
        lock (Lock)
        {
            GossipSyncs.Add(registration);
        }

        return registration;
    }

    /// <summary>The <c>network</c> tag.</summary>
    internal static KeyValuePair<string, object?> NetworkTag(string network) => new("network", network);

    private static IEnumerable<Measurement<long>> ReadMessages(bool bytes)
    {
        MessageCounters[] sources;
        lock (Lock)
        {
            sources = [.. MessageSources];
        }

        var measurements = new List<Measurement<long>>();
        foreach (var source in sources)
        {
            source.Read(bytes, measurements);
        }

        return measurements;
    }

    private static Registration<PeerPortState>[] Ports()
    {
        lock (Lock)
        {
            return [.. PeerPorts];
        }
    }

    private static IEnumerable<Measurement<int>> ReadPeers()
    {
        var measurements = new List<Measurement<int>>();
        foreach (var port in Ports())
        {
            var state = port.Read();
            measurements.Add(new Measurement<int>(state.Inbound, NetworkTag(port.Network), new("direction", "inbound")));
            measurements.Add(new Measurement<int>(state.Outbound, NetworkTag(port.Network), new("direction", "outbound")));
        }

        return measurements;
    }

    private static IEnumerable<Measurement<int>> ReadPorts(Func<PeerPortState, int> value) =>
        [.. Ports().Select(port => new Measurement<int>(value(port.Read()), NetworkTag(port.Network)))];

    private static IEnumerable<Measurement<int>> ReadGossipSync()
    {
        Registration<IReadOnlyList<KeyValuePair<string, int>>>[] syncs;
        lock (Lock)
        {
            syncs = [.. GossipSyncs];
        }

        var measurements = new List<Measurement<int>>();
        foreach (var sync in syncs)
        {
            foreach (var (state, peers) in sync.Read())
            {
                measurements.Add(new Measurement<int>(peers, NetworkTag(sync.Network), new("state", state)));
            }
        }

        return measurements;
    }

    private static IEnumerable<Measurement<long>> ReadValidatedLedger()
    {
        var sequence = Volatile.Read(ref _validatedLedger);
        return sequence == 0 ? [] : [new Measurement<long>(sequence)];
    }

    private sealed class Registration<T>(string network, Func<T> read, List<Registration<T>> list) : IDisposable
    {
        public string Network { get; } = network;

        public T Read() => read();

        public void Dispose()
        {
            lock (Lock)
            {
                list.Remove(this);
            }
        }
    }
}

/// <summary>A peer port's state for the gauges, read at a scrape.</summary>
/// <param name="Inbound">Connected peers that dialled us.</param>
/// <param name="Outbound">Connected peers we dialled.</param>
/// <param name="SocketsInUse">Peer sockets held: peers plus pending handshakes.</param>
/// <param name="SocketBudget">The descriptor budget for peer sockets.</param>
public readonly record struct PeerPortState(int Inbound, int Outbound, int SocketsInUse, int SocketBudget);
