using System.Globalization;
using System.Text.RegularExpressions;

namespace Peerd.Xrpl.Protocol.Handshake;

/// <summary>
/// An XRPL peer protocol version, <c>XRPL/major.minor</c> (rippled <c>ProtocolVersion.cpp</c>). We speak 2.1, 2.2
/// and 2.3, and pick the highest version both sides list; 2.0 is no longer accepted.
/// </summary>
/// <param name="Major">Major version (2 or more).</param>
/// <param name="Minor">Minor version.</param>
public readonly partial record struct ProtocolVersion(ushort Major, ushort Minor) : IComparable<ProtocolVersion>
{
    /// <summary>The versions we speak, strictly ascending: "The list of protocol versions we speak and we prefer to use."</summary>
    public static IReadOnlyList<ProtocolVersion> Supported { get; } = [new(2, 1), new(2, 2), new(2, 3)];

    /// <summary>The <c>Upgrade</c> value we send: <c>XRPL/2.1, XRPL/2.2, XRPL/2.3</c>.</summary>
    public static string SupportedHeaderValue { get; } = string.Join(", ", Supported);

    /// <summary>True when we speak <paramref name="version"/>.</summary>
    public static bool IsSupported(ProtocolVersion version) => Supported.Contains(version);

    /// <summary>
    /// rippled <c>parseProtocolVersions</c>: the comma-separated tokens that match
    /// <c>^XRPL/([2-9]|[1-9][0-9]+)\.(0|[1-9][0-9]*)$</c> and fit 16 bits, sorted, without duplicates; others are skipped.
    /// </summary>
    public static IReadOnlyList<ProtocolVersion> ParseList(string? value)
    {
        var result = new SortedSet<ProtocolVersion>();
        if (string.IsNullOrEmpty(value))
        {
            return [];
        }

        foreach (var token in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var match = VersionPattern().Match(token);
            if (match.Success
                && ushort.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var major)
                && ushort.TryParse(match.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
            {
                result.Add(new ProtocolVersion(major, minor));
            }
        }

        return [.. result];
    }

    /// <summary>rippled <c>negotiateProtocolVersion</c>: the largest version in both lists, or null.</summary>
    public static ProtocolVersion? Negotiate(string? upgradeHeader)
    {
        ProtocolVersion? best = null;
        foreach (var version in ParseList(upgradeHeader))
        {
            if (IsSupported(version))
            {
                best = version;
            }
        }

        return best;
    }

    /// <inheritdoc />
    public int CompareTo(ProtocolVersion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    /// <summary>The text form, <c>XRPL/2.2</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"XRPL/{Major}.{Minor}");

    [GeneratedRegex(@"^XRPL/([2-9]|[1-9][0-9]+)\.(0|[1-9][0-9]*)\z", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
