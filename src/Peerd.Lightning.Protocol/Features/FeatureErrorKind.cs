namespace Peerd.Lightning.Protocol.Features;

/// <summary>Why a peer's feature bits are unacceptable; either way BOLT #1 says "MUST close the connection".</summary>
public enum FeatureErrorKind
{
    /// <summary>"upon receiving unknown _even_ feature bits that are non-zero".</summary>
    UnsupportedFeature,

    /// <summary>"if the feature vector does not set all known, transitive dependencies".</summary>
    MissingDependency,
}
