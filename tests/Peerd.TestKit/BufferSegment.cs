using System.Buffers;

namespace Peerd.TestKit;

/// <summary>A linked segment for building multi-segment <see cref="ReadOnlySequence{T}"/>s, as a pipe would hand them out.</summary>
internal sealed class BufferSegment : ReadOnlySequenceSegment<byte>
{
    public BufferSegment(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    public BufferSegment Append(ReadOnlyMemory<byte> memory)
    {
        var next = new BufferSegment(memory, RunningIndex + Memory.Length);
        Next = next;
        return next;
    }
}
