namespace Peerd.TestKit.Fuzzing;

/// <summary>What a decoder said about one input.</summary>
public enum FuzzVerdict
{
    /// <summary>The input decoded (or was accepted as a request).</summary>
    Decoded,

    /// <summary>The decoder returned its typed error (or asked for more data on a truncated input).</summary>
    Rejected,
}

/// <summary>
/// One decoder under mutation: a name for the report line, valid inputs to start from, and the decode call. The
/// call must return a verdict for every input; an exception escaping it is a bug, as is allocating more than
/// <see cref="AllocationBase"/> + <see cref="AllocationPerByte"/> × input length.
/// </summary>
/// <param name="Name">The name in the report line, e.g. <c>BOLT 8 frame reader</c>.</param>
/// <param name="Corpus">Valid inputs; mutations start from these and splice between them.</param>
/// <param name="Decode">Decodes one input.</param>
public sealed record FuzzTarget(string Name, IReadOnlyList<byte[]> Corpus, Func<byte[], FuzzVerdict> Decode)
{
    /// <summary>Inputs per CI run (mutants; the unmutated corpus is decoded on top).</summary>
    public int Inputs { get; init; } = 10_000;

    /// <summary>Bytes any decode may allocate regardless of input size (result objects, a pooled buffer's first rent).</summary>
    public long AllocationBase { get; init; } = 16 * 1024;

    /// <summary>Bytes per input byte a decode may allocate on top (copies of fields, parsed trees).</summary>
    public int AllocationPerByte { get; init; } = 8;

    /// <summary>Mutants are cut to this many bytes.</summary>
    public int MaxLength { get; init; } = 1 << 17;
}
