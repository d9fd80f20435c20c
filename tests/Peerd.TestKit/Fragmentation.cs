using System.Buffers;
using Xunit.Sdk;

namespace Peerd.TestKit;

/// <summary>One way of cutting a payload into segments, named for the test output.</summary>
public sealed record Fragment(string Name, ReadOnlySequence<byte> Sequence)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>
/// Every fragmentation a parser over <see cref="ReadOnlySequence{T}"/> must survive: the payload whole, split in two
/// at every offset (including empty first and last segments), and in one-byte segments. Each segment is copied into
/// its own array, so a parser that reads past a segment's end cannot see the next one's bytes by accident.
/// </summary>
public static class Fragmentation
{
    /// <summary>A sequence made of the given segments, in order (each copied into its own array).</summary>
    public static ReadOnlySequence<byte> Sequence(params ReadOnlyMemory<byte>[] segments)
    {
        if (segments.Length == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        var first = new BufferSegment(segments[0].ToArray(), 0);
        var last = first;
        foreach (var segment in segments.AsSpan(1))
        {
            last = last.Append(segment.ToArray());
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    /// <summary>The payload as one segment.</summary>
    public static Fragment Whole(ReadOnlyMemory<byte> payload) => new("whole", Sequence(payload));

    /// <summary>The payload split in two at every offset from 0 to its length.</summary>
    public static IEnumerable<Fragment> EveryTwoWaySplit(ReadOnlyMemory<byte> payload)
    {
        for (var at = 0; at <= payload.Length; at++)
        {
            yield return new Fragment($"split at {at}", Sequence(payload[..at], payload[at..]));
        }
    }

    /// <summary>The payload as one segment per byte.</summary>
    public static Fragment OneByteSegments(ReadOnlyMemory<byte> payload)
    {
        var segments = new ReadOnlyMemory<byte>[payload.Length];
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = payload.Slice(i, 1);
        }

        return new Fragment("one-byte segments", Sequence(segments));
    }

    /// <summary>Whole, every two-way split, and one-byte segments.</summary>
    public static IEnumerable<Fragment> All(ReadOnlyMemory<byte> payload) =>
        [Whole(payload), .. EveryTwoWaySplit(payload), OneByteSegments(payload)];

    /// <summary>
    /// Runs <paramref name="check"/> on every fragmentation of <paramref name="payload"/>; a failure names the
    /// fragmentation that caused it.
    /// </summary>
    public static void ForEach(ReadOnlyMemory<byte> payload, Action<ReadOnlySequence<byte>> check)
    {
        foreach (var fragment in All(payload))
        {
            try
            {
                check(fragment.Sequence);
            }
            catch (Exception e)
            {
                throw new XunitException($"[{fragment.Name}] {e.Message}", e);
            }
        }
    }
}
