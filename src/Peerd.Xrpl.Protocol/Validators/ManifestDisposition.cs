namespace Peerd.Xrpl.Protocol.Validators;

/// <summary>What applying a manifest did (rippled's <c>ManifestDisposition</c>).</summary>
public enum ManifestDisposition
{
    /// <summary>Accepted: now the newest for its master key.</summary>
    Accepted,

    /// <summary>Not newer than the one held.</summary>
    Stale,

    /// <summary>The master key is another manifest's signing key.</summary>
    BadMasterKey,

    /// <summary>The signing key is another manifest's master or signing key.</summary>
    BadEphemeralKey,

    /// <summary>A signature does not verify.</summary>
    Invalid,
}
