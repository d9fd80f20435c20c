namespace Peerd.Lightning.Protocol.Features;

/// <summary>
/// BOLT #1's receiver checks on the combined <c>init</c> feature bitmap, in Core Lightning's order (unknown even
/// bits first, lowest bit first, then dependencies):
/// "upon receiving unknown _odd_ feature bits that are non-zero: MUST ignore the bit. upon receiving unknown _even_
/// feature bits that are non-zero: MUST close the connection." and "if the feature vector does not set all known,
/// transitive dependencies: MUST close the connection."
/// A bit is unknown when it belongs to no pair in <see cref="Feature.All"/>.
/// </summary>
public static class FeatureValidator
{
    /// <summary>Null when the peer's features are acceptable; otherwise the first reason to close.</summary>
    public static FeatureError? Validate(FeatureBits remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        foreach (int bit in remote.SetBits())
        {
            if ((bit & 1) == 0 && !Feature.IsKnownBit(bit))
            {
                return new FeatureError(FeatureErrorKind.UnsupportedFeature, bit);
            }
        }

        // Checking every offered feature's direct dependencies covers transitive ones: each dependency that is
        // itself offered has its own dependencies checked in the same pass.
        foreach (var feature in Feature.All)
        {
            if (!remote.IsOffered(feature.EvenBit))
            {
                continue;
            }

            foreach (var dependency in feature.Dependencies)
            {
                if (!remote.IsOffered(dependency.EvenBit))
                {
                    return new FeatureError(FeatureErrorKind.MissingDependency, feature.EvenBit, dependency.EvenBit);
                }
            }
        }

        return null;
    }
}
