namespace Peerd.Lightning.Protocol.Tlv;

/// <summary>A decoded <c>tlv_record</c>: its type and a view of its value inside the stream.</summary>
public readonly ref struct TlvRecord
{
    /// <summary>Creates a record view.</summary>
    public TlvRecord(ulong type, ReadOnlySpan<byte> value)
    {
        Type = type;
        Value = value;
    }

    /// <summary>The record type.</summary>
    public ulong Type { get; }

    /// <summary>The value bytes (a slice of the stream; copy them to keep them).</summary>
    public ReadOnlySpan<byte> Value { get; }
}
