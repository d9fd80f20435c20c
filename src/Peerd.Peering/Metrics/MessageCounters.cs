using System.Diagnostics.Metrics;

namespace Peerd.Peering.Metrics;

/// <summary>Which way a message went.</summary>
public enum MessageDirection
{
    /// <summary>From the peer (<c>direction="receive"</c>).</summary>
    Receive,

    /// <summary>To the peer (<c>direction="transmit"</c>).</summary>
    Transmit,
}

/// <summary>
/// One network's message and byte counts per message type and direction, counted on the peers' read and write loops
/// and read by <see cref="PeerdMetrics.Messages"/> and <see cref="PeerdMetrics.MessageBytes"/> at a scrape. A count
/// is a table lookup and two interlocked adds, with no allocation and no tag handling; each type's cells have a cache
/// line of their own, so two cores counting different types do not contend. Nothing is counted while no exporter
/// listens. Thread-safe.
/// </summary>
public sealed class MessageCounters
{
    /// <summary>Longs per cell: a 64-byte cache line (count, bytes and padding).</summary>
    private const int Stride = 8;

    private const string Unknown = "unknown";

    private readonly ushort[] _slotOfType;
    private readonly string[] _names;
    private readonly long[] _cells;
    private readonly KeyValuePair<string, object?>[][] _tags;

    internal MessageCounters(string network, IReadOnlyList<(int Type, string Name)> types)
    {
        Network = network;
        var max = types.Count == 0 ? 0 : types.Max(t => t.Type);
        _slotOfType = new ushort[max + 1];
        _names = new string[types.Count + 1];
        _names[0] = Unknown;
        for (var i = 0; i < types.Count; i++)
        {
            _slotOfType[types[i].Type] = (ushort)(i + 1);
            _names[i + 1] = types[i].Name;
        }

        // Slot 0 is every type not listed; one cell per slot and direction, each on its own cache line (plus one
        // line of padding at the start so that the first cell shares no line with the array's header).
        _cells = new long[((_names.Length * 2) + 1) * Stride];
        _tags = new KeyValuePair<string, object?>[_names.Length * 2][];
        for (var slot = 0; slot < _names.Length; slot++)
        {
            foreach (var direction in (ReadOnlySpan<MessageDirection>)[MessageDirection.Receive, MessageDirection.Transmit])
            {
                _tags[(slot * 2) + (int)direction] =
                [
                    PeerdMetrics.NetworkTag(network),
                    new("direction", direction == MessageDirection.Receive ? "receive" : "transmit"),
                    new("type", _names[slot]),
                ];
            }
        }
    }

    /// <summary>The <c>network</c> label.</summary>
    public string Network { get; }

    /// <summary>True while an exporter listens (the callers may skip work that only feeds the counts).</summary>
    public static bool Enabled => PeerdMetrics.Messages.Enabled || PeerdMetrics.MessageBytes.Enabled;

    /// <summary>Counts one message of <paramref name="type"/> and <paramref name="bytes"/> bytes.</summary>
    public void Count(MessageDirection direction, int type, int bytes)
    {
        if (!PeerdMetrics.Messages.Enabled)
        {
            return;
        }

        var slot = (uint)type < (uint)_slotOfType.Length ? _slotOfType[type] : 0;
        var cell = ((slot * 2) + (int)direction + 1) * Stride;
        Interlocked.Increment(ref _cells[cell]);
        Interlocked.Add(ref _cells[cell + 1], bytes);
    }

    /// <summary>The name a type is counted under (<c>unknown</c> for a type not listed).</summary>
    public string NameOf(int type) => _names[(uint)type < (uint)_slotOfType.Length ? _slotOfType[type] : 0];

    /// <summary>The totals so far for one type and direction (for tests and diagnostics).</summary>
    public (long Messages, long Bytes) Totals(MessageDirection direction, int type)
    {
        var slot = (uint)type < (uint)_slotOfType.Length ? _slotOfType[type] : 0;
        var cell = ((slot * 2) + (int)direction + 1) * Stride;
        return (Interlocked.Read(ref _cells[cell]), Interlocked.Read(ref _cells[cell + 1]));
    }

    /// <summary>Adds a measurement for each type and direction seen so far.</summary>
    internal void Read(bool bytes, List<Measurement<long>> into)
    {
        for (var i = 0; i < _tags.Length; i++)
        {
            var cell = (i + 1) * Stride;
            var messages = Interlocked.Read(ref _cells[cell]);
            if (messages > 0)
            {
                into.Add(new Measurement<long>(bytes ? Interlocked.Read(ref _cells[cell + 1]) : messages, _tags[i]));
            }
        }
    }
}
