namespace Peerd.Xrpl.Protocol.Validators;

/// <summary>
/// The newest manifest per master key and the signing → master map (rippled's <c>ManifestCache</c>). Not thread-safe:
/// the owner serialises calls.
/// </summary>
public sealed class ManifestCache
{
    private readonly Dictionary<ValidatorKey, Manifest> _byMaster = [];
    private readonly Dictionary<ValidatorKey, ValidatorKey> _signingToMaster = [];

    /// <summary>How many master keys have a manifest.</summary>
    public int Count => _byMaster.Count;

    /// <summary>Every held manifest.</summary>
    public IEnumerable<Manifest> All => _byMaster.Values;

    /// <summary><c>ManifestCache::applyManifest</c>: checks in rippled's order, then stores.</summary>
    public ManifestDisposition Apply(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        _byMaster.TryGetValue(manifest.MasterKey, out var old);
        if (old is not null && manifest.Sequence <= old.Sequence)
        {
            return ManifestDisposition.Stale;
        }

        if (!manifest.Verify())
        {
            return ManifestDisposition.Invalid;
        }

        // "the master key of this manifest should not be used as the ephemeral key of another manifest"
        if (_signingToMaster.ContainsKey(manifest.MasterKey))
        {
            return ManifestDisposition.BadMasterKey;
        }

        if (!manifest.Revoked && (_signingToMaster.ContainsKey(manifest.SigningKey!) || _byMaster.ContainsKey(manifest.SigningKey!)))
        {
            return ManifestDisposition.BadEphemeralKey;
        }

        if (old?.SigningKey is { } oldSigning)
        {
            _signingToMaster.Remove(oldSigning);
        }

        if (!manifest.Revoked)
        {
            _signingToMaster[manifest.SigningKey!] = manifest.MasterKey;
        }

        _byMaster[manifest.MasterKey] = manifest;
        return ManifestDisposition.Accepted;
    }

    /// <summary>The newest manifest of <paramref name="master"/>, or null.</summary>
    public Manifest? Get(ValidatorKey master) => _byMaster.GetValueOrDefault(master);

    /// <summary>The current signing key of <paramref name="master"/>: the manifest's, null if revoked, the key itself without a manifest.</summary>
    public ValidatorKey? SigningKeyOf(ValidatorKey master) =>
        _byMaster.TryGetValue(master, out var manifest) ? manifest.SigningKey : master;

    /// <summary>The master key of a signing key: the manifest's owner, or the key itself (a validator without a manifest).</summary>
    public ValidatorKey MasterKeyOf(ValidatorKey signing) => _signingToMaster.GetValueOrDefault(signing) ?? signing;

    /// <summary>True when <paramref name="master"/> has been revoked.</summary>
    public bool IsRevoked(ValidatorKey master) => _byMaster.TryGetValue(master, out var manifest) && manifest.Revoked;
}
