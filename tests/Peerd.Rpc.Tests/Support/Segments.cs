using System.Buffers;

namespace Peerd.Rpc.Tests.Support;

/// <summary>Builds multi-segment sequences: every two-way split, and one byte per segment.</summary>
public static class Segments
{
    public static ReadOnlySequence<byte> Of(params byte[][] parts)
    {
        if (parts.Length == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        var first = new Segment(parts[0], 0);
        var last = first;
        for (var i = 1; i < parts.Length; i++)
        {
            last = last.Append(parts[i]);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    /// <summary>The payload whole, split in two at every position, and one byte per segment.</summary>
    public static IEnumerable<(string Name, ReadOnlySequence<byte> Sequence)> EverySplit(byte[] payload)
    {
        yield return ("whole", new ReadOnlySequence<byte>(payload));
        for (var i = 1; i < payload.Length; i++)
        {
            yield return ($"split at {i}", Of(payload[..i], payload[i..]));
        }

        yield return ("one byte per segment", Of(payload.Select(b => new[] { b }).ToArray()));
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
