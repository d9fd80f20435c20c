using System.Text.RegularExpressions;

namespace Peerd.Xrpl.Protocol.Handshake;

/// <summary>rippled <c>isProperlyFormedTomlDomain</c>, the check on a peer's <c>Server-Domain</c>.</summary>
public static partial class ServerDomain
{
    /// <summary>Shortest accepted domain.</summary>
    public const int MinLength = 4;

    /// <summary>Longest accepted domain.</summary>
    public const int MaxLength = 128;

    /// <summary>
    /// "The domain must be between 4 and 128 characters long", made of labels of 1–63 letters, digits and hyphens
    /// (not at either end) followed by dots, and an alphabetic TLD of 2–63 characters.
    /// </summary>
    public static bool IsProperlyFormed(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return domain.Length is >= MinLength and <= MaxLength && Pattern().IsMatch(domain);
    }

    [GeneratedRegex(@"^((?!-)[a-zA-Z0-9-]{1,63}(?<!-)\.)+[A-Za-z]{2,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
