namespace Peerd.Xrpl.Protocol.Tokens;

/// <summary>
/// The version byte that prefixes an XRPL base58check payload (rippled <c>TokenType</c> in <c>tokens.h</c>); it
/// decides the first character of the text form (28 gives <c>n…</c>, 33 gives <c>s…</c>).
/// </summary>
public enum TokenType : byte
{
    /// <summary>An account id (<c>r…</c>).</summary>
    AccountId = 0,

    /// <summary>A node public key (<c>n…</c>), the identity in the <c>Public-Key</c> handshake header.</summary>
    NodePublic = 28,

    /// <summary>A node private key (<c>p…</c>).</summary>
    NodePrivate = 32,

    /// <summary>A 16-byte family seed (<c>s…</c>).</summary>
    FamilySeed = 33,

    /// <summary>An account public key (<c>a…</c>).</summary>
    AccountPublic = 35,
}
