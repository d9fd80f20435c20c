using System.Buffers;

namespace Peerd.Benchmarks;

/// <summary>
/// A <see cref="ReadOnlySequence{T}"/> over one array cut into fixed-size segments, built once: the array's content
/// may change between invocations (a fresh packet each time) while the segment chain is reused, as a pipe's
/// 4 KiB blocks are.
/// </summary>
internal static class SlicedSequence
{
    /// <summary>The first <paramref name="length"/> bytes of <paramref name="buffer"/> in segments of <paramref name="segmentSize"/>.</summary>
    public static ReadOnlySequence<byte> Over(byte[] buffer, int length, int segmentSize)
    {
        var first = new Segment(buffer.AsMemory(0, Math.Min(segmentSize, length)), 0);
        var last = first;
        for (var at = first.Memory.Length; at < length; at += segmentSize)
        {
            var next = new Segment(buffer.AsMemory(at, Math.Min(segmentSize, length - at)), at);
            last.SetNext(next);
            last = next;
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public void SetNext(Segment next) => Next = next;
    }
}
