using System.Buffers;

namespace Peerd.Fuzz;

/// <summary>Input split into two buffer segments, so decoders over <see cref="ReadOnlySequence{T}"/> take their multi-segment paths too.</summary>
public static class Segments
{
    /// <summary><paramref name="input"/> as two segments cut at <paramref name="cut"/>.</summary>
    public static ReadOnlySequence<byte> Split(byte[] input, int cut)
    {
        ArgumentNullException.ThrowIfNull(input);
        cut = Math.Clamp(cut, 0, input.Length);
        var first = new Segment(input.AsMemory(0, cut), 0);
        var last = first.Append(input.AsMemory(cut));
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
