namespace Peerd.Lightning.Chain;

/// <summary>What a lookup of the output at a <c>short_channel_id</c> found.</summary>
public enum ChainLookupStatus
{
    /// <summary>The output exists and is unspent.</summary>
    Unspent,

    /// <summary>No such block, transaction or output, or the output is spent: the chain source answered.</summary>
    Missing,

    /// <summary>The chain source did not answer (down, refused, timed out, failed): nothing is known.</summary>
    Unavailable,
}

/// <summary>The answer to one lookup.</summary>
/// <param name="Status">What was found.</param>
/// <param name="Output">The output, when <see cref="ChainLookupStatus.Unspent"/>.</param>
/// <param name="Reason">Why there is no output (null when unspent).</param>
public readonly record struct ChainLookup(ChainLookupStatus Status, ChainOutput? Output, string? Reason)
{
    /// <summary>An unspent output.</summary>
    public static ChainLookup Unspent(ChainOutput output) => new(ChainLookupStatus.Unspent, output, null);

    /// <summary>No unspent output, with why.</summary>
    public static ChainLookup Missing(string reason) => new(ChainLookupStatus.Missing, null, reason);

    /// <summary>No answer, with why.</summary>
    public static ChainLookup Unavailable(string reason) => new(ChainLookupStatus.Unavailable, null, reason);
}
