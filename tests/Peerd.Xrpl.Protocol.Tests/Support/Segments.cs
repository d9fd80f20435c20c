using System.Buffers;

namespace Peerd.Xrpl.Protocol.Tests.Support;

/// <summary>Builds multi-segment sequences so parsers are tested under every fragmentation.</summary>
public static class Segments
{
    /// <summary>A sequence made of the given parts, one segment each.</summary>
    public static ReadOnlySequence<byte> Of(params byte[][] parts)
    {
        if (parts.Length == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        var first = new Segment(parts[0], 0);
        var last = first;
        foreach (var part in parts.Skip(1))
        {
            last = last.Append(part);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    /// <summary>The whole input, every two-way split, and one byte per segment.</summary>
    public static IEnumerable<(string Name, ReadOnlySequence<byte> Sequence)> EverySplit(byte[] data)
    {
        yield return ("whole", new ReadOnlySequence<byte>(data));
        for (var i = 1; i < data.Length; i++)
        {
            yield return ($"split at {i}", Of(data[..i], data[i..]));
        }

        yield return ("one byte per segment", Of([.. data.Select(b => new[] { b })]));
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(byte[] memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
