using System.Collections.Frozen;

namespace Peerd.Lightning.Protocol.Tlv;

/// <summary>
/// The record types a reader knows for one <c>tlv_stream</c> (a BOLT "namespace", such as <c>init_tlvs</c>).
/// Types outside it are unknown: odd ones are skipped, even ones fail the stream.
/// </summary>
public sealed class TlvNamespace
{
    private readonly FrozenDictionary<ulong, TlvRecordSpec> _records;

    /// <summary>Creates a namespace; throws <see cref="ArgumentException"/> on a duplicate type.</summary>
    public TlvNamespace(string name, params IEnumerable<TlvRecordSpec> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        Name = name;
        var map = new Dictionary<ulong, TlvRecordSpec>();
        foreach (var record in records)
        {
            if (!map.TryAdd(record.Type, record))
            {
                throw new ArgumentException($"duplicate TLV type {record.Type} in {name}", nameof(records));
            }
        }

        _records = map.ToFrozenDictionary();
    }

    /// <summary>A namespace with no known types: every even type fails, every odd type is skipped.</summary>
    public static TlvNamespace Empty { get; } = new("empty");

    /// <summary>The namespace's spec name.</summary>
    public string Name { get; }

    /// <summary>The known record types.</summary>
    public IEnumerable<TlvRecordSpec> Records => _records.Values;

    /// <summary>Finds the spec of a known type.</summary>
    public bool TryGet(ulong type, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TlvRecordSpec? spec) =>
        _records.TryGetValue(type, out spec);
}
