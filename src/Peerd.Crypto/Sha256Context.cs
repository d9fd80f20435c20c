using System.Runtime.CompilerServices;

namespace Peerd.Crypto;

/// <summary>
/// OpenSSL's <c>SHA256_CTX</c> held inline: <c>h[8], Nl, Nh, data[16], num, md_len</c>, all 32-bit, so
/// <c>(8 + 2 + 16 + 2) × 4</c> = 112 bytes. Plain data (no pointers), so a copy is an independent state.
/// </summary>
[InlineArray(Length)]
internal struct Sha256Context
{
    /// <summary>28 32-bit words (112 bytes).</summary>
    internal const int Length = 28;

    private uint _element0;
}
