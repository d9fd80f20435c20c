namespace Peerd.TestKit.Fuzzing;

/// <summary>One step of the <see cref="Mutator"/>.</summary>
public enum MutationKind
{
    /// <summary>Flip one bit.</summary>
    BitFlip,

    /// <summary>Set one byte to an edge value (0, 1, 0x7f, 0x80, 0xff, JSON punctuation, CR, LF).</summary>
    InterestingByte,

    /// <summary>Set one byte to a random value.</summary>
    RandomByte,

    /// <summary>Insert up to <see cref="Mutator.MaxInsertLength"/> bytes.</summary>
    InsertBytes,

    /// <summary>Delete a run of bytes.</summary>
    DeleteBytes,

    /// <summary>Copy a run of bytes somewhere else in the input.</summary>
    DuplicateRange,

    /// <summary>Rewrite a 1/2/4/8-byte big-endian integer with an edge value.</summary>
    LengthField,

    /// <summary>Cut the input at a random length.</summary>
    Truncate,

    /// <summary>Join a prefix of the input to a suffix of another valid input.</summary>
    Splice,

    /// <summary>Append random bytes.</summary>
    Append,
}
