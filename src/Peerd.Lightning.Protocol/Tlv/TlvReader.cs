namespace Peerd.Lightning.Protocol.Tlv;

/// <summary>
/// Reads a <c>tlv_stream</c> applying BOLT #1's reader rules in the spec's order:
/// <list type="number">
/// <item>"if zero bytes remain before parsing a <c>type</c>: MUST stop parsing";</item>
/// <item>"if a <c>type</c> or <c>length</c> is not minimally encoded: MUST fail";</item>
/// <item>"if decoded <c>type</c>s are not strictly-increasing (including ... the same <c>type</c>): MUST fail";</item>
/// <item>"if <c>length</c> exceeds the number of bytes remaining in the message: MUST fail";</item>
/// <item>a known type is checked against its known encoding (exact length, minimal inner fields);</item>
/// <item>an unknown even type fails; an unknown odd type is discarded.</item>
/// </list>
/// <see cref="TryReadNext"/> yields only the known, valid records; it never throws for peer input.
/// </summary>
/// <example><code>
/// var reader = new TlvReader(stream, knownTypes);
/// while (reader.TryReadNext(out var record)) { /* use record.Type, record.Value */ }
/// if (reader.Error != TlvError.None) { /* invalid stream: close */ }
/// </code></example>
public ref struct TlvReader
{
    private readonly ReadOnlySpan<byte> _stream;
    private readonly TlvNamespace _knownTypes;
    private int _position;
    private ulong _previousType;
    private bool _hasPrevious;

    /// <summary>Starts reading <paramref name="stream"/> (the whole stream, to the end of the message).</summary>
    public TlvReader(ReadOnlySpan<byte> stream, TlvNamespace knownTypes)
    {
        ArgumentNullException.ThrowIfNull(knownTypes);
        _stream = stream;
        _knownTypes = knownTypes;
        Error = TlvError.None;
    }

    /// <summary>Why reading stopped early; <see cref="TlvError.None"/> after a clean end of stream.</summary>
    public TlvError Error { get; private set; }

    /// <summary>The type of the record that failed, when the failure happened after the type was read.</summary>
    public ulong? ErrorType { get; private set; }

    /// <summary>Offset in the stream of the record being read when the failure happened, or of the end.</summary>
    public readonly int Position => _position;

    /// <summary>
    /// Advances to the next known record. False at the end of the stream (<see cref="Error"/> is
    /// <see cref="TlvError.None"/>) or on the first rule violation (<see cref="Error"/> says which); once false,
    /// it stays false.
    /// </summary>
    public bool TryReadNext(out TlvRecord record)
    {
        record = default;
        while (Error == TlvError.None && _position < _stream.Length)
        {
            var rest = _stream[_position..];
            var status = BigSize.TryRead(rest, out ulong type, out int typeLength);
            if (status != BigSizeStatus.Done)
            {
                return Fail(status == BigSizeStatus.NotCanonical ? TlvError.TypeNotMinimal : TlvError.TypeTruncated, null);
            }

            status = BigSize.TryRead(rest[typeLength..], out ulong length, out int lengthLength);
            if (status != BigSizeStatus.Done)
            {
                return Fail(status == BigSizeStatus.NotCanonical ? TlvError.LengthNotMinimal : TlvError.LengthTruncated, type);
            }

            if (_hasPrevious && type <= _previousType)
            {
                return Fail(TlvError.TypeNotIncreasing, type);
            }

            int headerLength = typeLength + lengthLength;
            if (length > (ulong)(rest.Length - headerLength))
            {
                return Fail(TlvError.ValueTruncated, type);
            }

            var value = rest.Slice(headerLength, (int)length);
            if (_knownTypes.TryGet(type, out var spec))
            {
                var valueError = spec.Validate(value);
                if (valueError != TlvError.None)
                {
                    return Fail(valueError, type);
                }
            }
            else if ((type & 1) == 0)
            {
                return Fail(TlvError.UnknownEvenType, type);
            }

            _previousType = type;
            _hasPrevious = true;
            _position += headerLength + (int)length;
            if (spec is not null)
            {
                record = new TlvRecord(type, value);
                return true;
            }
        }

        return false;
    }

    private bool Fail(TlvError error, ulong? type)
    {
        Error = error;
        ErrorType = type;
        return false;
    }
}
