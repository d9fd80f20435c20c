namespace Peerd.Lightning.Protocol.Features;

/// <summary>
/// One feature-bit pair from BOLT #9 ("Assigned Features Flags", bolts commit a3772650), or one of the extra pairs
/// Core Lightning names in <c>common/features.c</c> <c>feature_name</c>. Every pair here is <em>known</em>: a peer
/// may set its even bit without being refused, even where Peerd does not implement the feature (mainstream peers
/// send even bits for ASSUMED features such as <c>var_onion_optin</c> and <c>payment_secret</c>).
/// </summary>
public sealed partial class Feature
{
    private Feature(int evenBit, string name, string? coreLightningName, FeatureContext contexts, bool isAssumed, bool inSpecTable, params Feature[] dependencies)
    {
        EvenBit = evenBit;
        Name = name;
        CoreLightningName = coreLightningName;
        Contexts = contexts;
        IsAssumed = isAssumed;
        IsInSpecTable = inSpecTable;
        Dependencies = dependencies;
    }

    /// <summary>The BOLT #9 name, e.g. <c>var_onion_optin</c> (Core Lightning's name for non-spec pairs).</summary>
    public string Name { get; }

    /// <summary>Core Lightning's <c>feature_name</c> stem, e.g. <c>option_var_onion_optin</c>; null where it has none.</summary>
    public string? CoreLightningName { get; }

    /// <summary>The even (compulsory, "required") bit.</summary>
    public int EvenBit { get; }

    /// <summary>The odd (optional) bit: <see cref="EvenBit"/> + 1.</summary>
    public int OddBit => EvenBit + 1;

    /// <summary>The BOLT #9 contexts.</summary>
    public FeatureContext Contexts { get; }

    /// <summary>
    /// BOLT #9: "Some features were introduced and became so widespread they are <c>ASSUMED</c> to be present by
    /// all nodes, and can be safely ignored".
    /// </summary>
    public bool IsAssumed { get; }

    /// <summary>True for rows of the current BOLT #9 table; false for the extra Core Lightning names.</summary>
    public bool IsInSpecTable { get; }

    /// <summary>Features that must also be offered when this one is ("Dependencies" column).</summary>
    public IReadOnlyList<Feature> Dependencies { get; }

    /// <summary>Finds the pair holding <paramref name="bit"/> (even or odd).</summary>
    public static bool TryGetByBit(int bit, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Feature? feature) =>
        ByEvenBit.TryGetValue(bit & ~1, out feature);

    /// <summary>Finds a feature by its BOLT #9 name or Core Lightning name (case-insensitive).</summary>
    public static bool TryGetByName(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Feature? feature)
    {
        feature = All.FirstOrDefault(f =>
            string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(f.CoreLightningName, name, StringComparison.OrdinalIgnoreCase));
        return feature is not null;
    }

    /// <summary>True when <paramref name="bit"/> belongs to a known pair.</summary>
    public static bool IsKnownBit(int bit) => ByEvenBit.ContainsKey(bit & ~1);

    /// <summary>
    /// Names of the set bits in ascending order, in Core Lightning's <c>feature_name</c> form
    /// (<c>option_var_onion_optin/even</c>); the BOLT name where Core Lightning has none, and
    /// <c>option_unknown_N/odd</c> (N the even bit) for unknown pairs.
    /// </summary>
    public static IReadOnlyList<string> Describe(FeatureBits bits)
    {
        ArgumentNullException.ThrowIfNull(bits);
        var names = new List<string>();
        foreach (int bit in bits.SetBits())
        {
            string parity = (bit & 1) == 0 ? "even" : "odd";
            string stem = TryGetByBit(bit, out var feature)
                ? feature.CoreLightningName ?? feature.Name
                : $"option_unknown_{bit & ~1}";
            names.Add($"{stem}/{parity}");
        }

        return names;
    }

    /// <summary>The BOLT #9 name and bits, e.g. <c>var_onion_optin (8/9)</c>.</summary>
    public override string ToString() => $"{Name} ({EvenBit}/{OddBit})";
}
