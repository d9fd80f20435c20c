using System.Buffers;

namespace Peerd.ClnRpc.Hosting;

/// <summary>
/// A connection's contiguous receive buffer: unconsumed bytes in <c>[start, end)</c>, compacted or grown on demand up
/// to a cap, rented from the shared pool.
/// </summary>
internal sealed class ReceiveBuffer : IDisposable
{
    private readonly int _capacityLimit;
    private byte[] _array;
    private int _start;
    private int _end;

    public ReceiveBuffer(int initialSize, int capacityLimit)
    {
        _capacityLimit = capacityLimit;
        _array = ArrayPool<byte>.Shared.Rent(initialSize);
    }

    /// <summary>The unconsumed bytes.</summary>
    public ReadOnlySequence<byte> Data => new(_array, _start, _end - _start);

    /// <summary>Drops bytes up to <paramref name="position"/>, a position within <see cref="Data"/>.</summary>
    public void Consume(SequencePosition position)
    {
        _start += (int)Data.Slice(0, position).Length; // GetOffset would count from the array's start
        if (_start == _end)
        {
            _start = _end = 0;
        }
    }

    /// <summary>Free space to receive into: at least <paramref name="sizeHint"/> bytes unless the cap prevents it.</summary>
    public Memory<byte> GetMemory(int sizeHint)
    {
        if (_array.Length - _end < sizeHint && _start > 0)
        {
            Buffer.BlockCopy(_array, _start, _array, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_array.Length - _end < sizeHint && _array.Length < _capacityLimit)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(_capacityLimit, Math.Max(_array.Length * 2, _end + sizeHint)));
            Buffer.BlockCopy(_array, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_array);
            _array = bigger;
        }

        return _array.AsMemory(_end);
    }

    /// <summary>Marks <paramref name="count"/> bytes of the last <see cref="GetMemory"/> as received.</summary>
    public void Advance(int count) => _end += count;

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_array);
        _array = [];
    }
}
