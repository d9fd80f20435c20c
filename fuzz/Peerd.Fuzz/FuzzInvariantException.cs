namespace Peerd.Fuzz;

/// <summary>A decoder broke its own contract (say, an <c>InvalidData</c> status with no error): the fuzzer counts it as a crash.</summary>
public sealed class FuzzInvariantException : Exception
{
    /// <summary>A broken contract, described.</summary>
    public FuzzInvariantException(string message)
        : base(message)
    {
    }

    /// <summary>Required by the analyzers' exception pattern.</summary>
    public FuzzInvariantException()
    {
    }

    /// <summary>Required by the analyzers' exception pattern.</summary>
    public FuzzInvariantException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Throws when <paramref name="condition"/> is false.</summary>
    public static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new FuzzInvariantException(what);
        }
    }
}
