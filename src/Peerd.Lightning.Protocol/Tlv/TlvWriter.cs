using System.Buffers;

namespace Peerd.Lightning.Protocol.Tlv;

/// <summary>
/// Writes a <c>tlv_stream</c> following BOLT #1's writer rules: records in strictly-increasing <c>type</c> order and
/// minimal BigSize <c>type</c> and <c>length</c>. Writing out of order is a bug in our code and throws
/// <see cref="InvalidOperationException"/>.
/// </summary>
public ref struct TlvWriter
{
    private readonly IBufferWriter<byte> _output;
    private ulong _previousType;
    private bool _hasPrevious;

    /// <summary>Starts a stream that appends to <paramref name="output"/>.</summary>
    public TlvWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>The encoded size of one record: BigSize type, BigSize length and the value.</summary>
    public static int GetRecordLength(ulong type, int valueLength) =>
        BigSize.GetLength(type) + BigSize.GetLength((ulong)valueLength) + valueLength;

    /// <summary>Writes one record into <paramref name="destination"/>; returns the bytes written.</summary>
    public static int WriteRecord(ulong type, ReadOnlySpan<byte> value, Span<byte> destination)
    {
        int written = BigSize.Write(type, destination);
        written += BigSize.Write((ulong)value.Length, destination[written..]);
        value.CopyTo(destination[written..]);
        return written + value.Length;
    }

    /// <summary>Appends a record with the given value.</summary>
    public void Write(ulong type, scoped ReadOnlySpan<byte> value)
    {
        CheckOrder(type);
        int length = GetRecordLength(type, value.Length);
        int written = WriteRecord(type, value, _output.GetSpan(length));
        _output.Advance(written);
    }

    /// <summary>Appends a record whose value is a truncated integer (<c>tu16</c>/<c>tu32</c>/<c>tu64</c>).</summary>
    public void WriteTruncated(ulong type, ulong value)
    {
        Span<byte> buffer = stackalloc byte[TruncatedUInt.MaxLength64];
        int length = TruncatedUInt.Write(value, buffer);
        Write(type, buffer[..length]);
    }

    private void CheckOrder(ulong type)
    {
        if (_hasPrevious && type <= _previousType)
        {
            throw new InvalidOperationException($"TLV type {type} written after type {_previousType}: types must strictly increase");
        }

        _previousType = type;
        _hasPrevious = true;
    }
}
