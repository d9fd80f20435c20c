using System.Security.Cryptography;
using Peerd.Xrpl.Protocol.Tokens;

namespace Peerd.Xrpl.Protocol.Identity;

/// <summary>
/// A 16-byte XRPL family seed, written as base58check with <see cref="TokenType.FamilySeed"/> (an <c>s…</c>
/// string, rippled's <c>[node_seed]</c> and <c>validation_seed</c> form). The entropy is an input: callers that
/// need a fresh seed pass bytes from a CSPRNG.
/// </summary>
public sealed class FamilySeed
{
    /// <summary>Length of a seed.</summary>
    public const int Length = 16;

    private readonly byte[] _bytes;

    private FamilySeed(byte[] bytes) => _bytes = bytes;

    /// <summary>The 16 seed bytes; never log them.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>Wraps 16 bytes of entropy; throws <see cref="ArgumentException"/> for another length.</summary>
    public static FamilySeed FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == Length ? new FamilySeed(bytes.ToArray()) : throw new ArgumentException("a family seed is 16 bytes", nameof(bytes));

    /// <summary>Parses an <c>s…</c> string; false for anything that is not a well-formed family seed.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out FamilySeed seed)
    {
        seed = null!;
        if (!XrplBase58.TryDecodeToken(text.Trim(), TokenType.FamilySeed, Length, out var data))
        {
            return false;
        }

        seed = new FamilySeed(data);
        return true;
    }

    /// <summary>
    /// rippled's <c>generateSeed(passphrase)</c>: the first 16 bytes of SHA512 of the passphrase. Used for the
    /// published test vectors (<c>masterpassphrase</c>); never for a real node.
    /// </summary>
    public static FamilySeed FromPassphrase(string passphrase)
    {
        var hash = SHA512.HashData(System.Text.Encoding.UTF8.GetBytes(passphrase));
        return new FamilySeed(hash[..Length]);
    }

    /// <summary>The <c>s…</c> text form; treat it as a secret.</summary>
    public string ToBase58() => XrplBase58.EncodeToken(TokenType.FamilySeed, _bytes);
}
