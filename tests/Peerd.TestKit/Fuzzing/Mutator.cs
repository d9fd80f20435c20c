using System.Buffers.Binary;

namespace Peerd.TestKit.Fuzzing;

/// <summary>
/// The shared mutation engine: turns a valid input into a nearby invalid (or differently valid) one. Every mutation is
/// chosen from the seeded <see cref="Random"/> it is given, so a failure is replayed from the seed alone. Stacks one
/// to <see cref="MaxStackedMutations"/> mutations per input, as AFL's "havoc" stage does.
/// </summary>
public sealed class Mutator
{
    /// <summary>At most this many mutations are stacked on one input.</summary>
    public const int MaxStackedMutations = 4;

    /// <summary>Bytes a mutation may insert at once.</summary>
    public const int MaxInsertLength = 64;

    // The values that find off-by-ones and sign bugs: the edges of each integer width.
    private static readonly byte[] InterestingBytes = [0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff, (byte)'"', (byte)'{', (byte)'\n', (byte)'\r', (byte)':'];
    private static readonly MutationKind[] Kinds = Enum.GetValues<MutationKind>();

    private readonly Random _random;
    private readonly IReadOnlyList<byte[]> _corpus;
    private readonly int _maxLength;

    /// <summary>Creates a mutator drawing from <paramref name="random"/> and splicing from <paramref name="corpus"/>.</summary>
    /// <param name="random">The seeded source of every choice.</param>
    /// <param name="corpus">Valid inputs, for splicing (may be empty).</param>
    /// <param name="maxLength">Mutated inputs are cut to this many bytes, to bound each run.</param>
    public Mutator(Random random, IReadOnlyList<byte[]> corpus, int maxLength = 1 << 17)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(corpus);
        _random = random;
        _corpus = corpus;
        _maxLength = maxLength;
    }

    /// <summary>Returns a mutated copy of <paramref name="input"/>; <paramref name="applied"/> names the steps.</summary>
    public byte[] Mutate(ReadOnlySpan<byte> input, List<MutationKind> applied)
    {
        ArgumentNullException.ThrowIfNull(applied);
        applied.Clear();
        var data = new List<byte>(input.Length + MaxInsertLength);
        foreach (var b in input)
        {
            data.Add(b);
        }

        var count = 1 + _random.Next(MaxStackedMutations);
        for (var i = 0; i < count; i++)
        {
            var kind = Kinds[_random.Next(Kinds.Length)];
            Apply(kind, data);
            applied.Add(kind);
        }

        if (data.Count > _maxLength)
        {
            data.RemoveRange(_maxLength, data.Count - _maxLength);
        }

        return [.. data];
    }

    private void Apply(MutationKind kind, List<byte> data)
    {
        switch (kind)
        {
            case MutationKind.BitFlip when data.Count > 0:
                data[Index(data)] ^= (byte)(1 << _random.Next(8));
                break;
            case MutationKind.InterestingByte when data.Count > 0:
                data[Index(data)] = InterestingBytes[_random.Next(InterestingBytes.Length)];
                break;
            case MutationKind.RandomByte when data.Count > 0:
                data[Index(data)] = (byte)_random.Next(256);
                break;
            case MutationKind.InsertBytes:
                data.InsertRange(_random.Next(data.Count + 1), RandomBytes(1 + _random.Next(MaxInsertLength)));
                break;
            case MutationKind.DeleteBytes when data.Count > 0:
                var at = Index(data);
                data.RemoveRange(at, 1 + _random.Next(Math.Min(MaxInsertLength, data.Count - at)));
                break;
            case MutationKind.DuplicateRange when data.Count > 0:
                var from = Index(data);
                var length = 1 + _random.Next(Math.Min(MaxInsertLength, data.Count - from));
                data.InsertRange(_random.Next(data.Count + 1), data.GetRange(from, length));
                break;
            case MutationKind.LengthField when data.Count >= 1:
                TweakLengthField(data);
                break;
            case MutationKind.Truncate when data.Count > 0:
                var cut = _random.Next(data.Count);
                data.RemoveRange(cut, data.Count - cut);
                break;
            case MutationKind.Splice when _corpus.Count > 0:
                Splice(data);
                break;
            case MutationKind.Append:
                data.AddRange(RandomBytes(1 + _random.Next(MaxInsertLength)));
                break;
            default:
                // The mutation does not apply to this input (e.g. a bit flip on an empty one): add a byte instead.
                data.Add((byte)_random.Next(256));
                break;
        }
    }

    /// <summary>
    /// Rewrites a big-endian integer of 1, 2, 4 or 8 bytes at a random offset with a value near an edge: zero, one,
    /// the width's maximum, the input's length plus or minus a little, or the old value plus or minus one. Length
    /// prefixes are where decoders over-read and over-allocate.
    /// </summary>
    private void TweakLengthField(List<byte> data)
    {
        int[] widths = [1, 2, 4, 8];
        var width = widths[_random.Next(widths.Length)];
        if (data.Count < width)
        {
            width = 1;
        }

        var at = _random.Next(data.Count - width + 1);
        Span<byte> field = stackalloc byte[8];
        field.Clear();
        for (var i = 0; i < width; i++)
        {
            field[8 - width + i] = data[at + i];
        }

        var old = BinaryPrimitives.ReadUInt64BigEndian(field);
        var max = width == 8 ? ulong.MaxValue : (1UL << (width * 8)) - 1;
        var value = _random.Next(7) switch
        {
            0 => 0UL,
            1 => 1UL,
            2 => max,
            3 => max >> 1,
            4 => (ulong)Math.Max(0, data.Count - at - width + _random.Next(-2, 3)),
            5 => old + 1,
            _ => old - 1,
        };
        BinaryPrimitives.WriteUInt64BigEndian(field, value & max);
        for (var i = 0; i < width; i++)
        {
            data[at + i] = field[8 - width + i];
        }
    }

    /// <summary>Keeps a prefix of this input and appends a suffix of another valid one.</summary>
    private void Splice(List<byte> data)
    {
        var other = _corpus[_random.Next(_corpus.Count)];
        var keep = _random.Next(data.Count + 1);
        var from = _random.Next(other.Length + 1);
        data.RemoveRange(keep, data.Count - keep);
        data.AddRange(other.AsSpan(from).ToArray());
    }

    private int Index(List<byte> data) => _random.Next(data.Count);

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        if (_random.Next(2) == 0)
        {
            _random.NextBytes(bytes);
        }
        else
        {
            bytes.AsSpan().Fill(InterestingBytes[_random.Next(InterestingBytes.Length)]);
        }

        return bytes;
    }
}
