namespace Peerd.Lightning.Protocol.Tlv;

/// <summary>The outcome of reading a BigSize integer (BOLT #1 Appendix A).</summary>
public enum BigSizeStatus
{
    /// <summary>A minimal encoding was read.</summary>
    Done,

    /// <summary>No bytes at all: a clean end of input (the vectors' <c>EOF</c>).</summary>
    EndOfInput,

    /// <summary>The prefix byte promised more bytes than remain (the vectors' <c>unexpected EOF</c>).</summary>
    UnexpectedEndOfInput,

    /// <summary>The value fits a shorter form (the vectors' <c>decoded bigsize is not canonical</c>).</summary>
    NotCanonical,
}
