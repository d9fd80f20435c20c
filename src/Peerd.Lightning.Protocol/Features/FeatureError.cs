namespace Peerd.Lightning.Protocol.Features;

/// <summary>
/// A reason to refuse a peer's <c>init</c> features, with the text Core Lightning puts in the <c>warning</c> it sends
/// before closing (<c>connectd/connectd.c</c> <c>peer_connected</c>).
/// </summary>
/// <param name="Kind">Which rule was broken.</param>
/// <param name="Bit">The unknown even bit, or the (even) bit of the feature whose dependency is missing.</param>
/// <param name="MissingBit">For <see cref="FeatureErrorKind.MissingDependency"/>, the even bit of the missing feature.</param>
public readonly record struct FeatureError(FeatureErrorKind Kind, int Bit, int MissingBit = -1)
{
    /// <summary><c>Unsupported feature N</c> or <c>Feature A requires feature B</c>.</summary>
    public string Message => Kind == FeatureErrorKind.UnsupportedFeature
        ? $"Unsupported feature {Bit}"
        : $"Feature {Bit} requires feature {MissingBit}";

    /// <summary>The warning text.</summary>
    public override string ToString() => Message;
}
