using System.Text;
using System.Text.RegularExpressions;
using Peerd.Xrpl.Protocol.Serialization;

namespace Peerd.Xrpl.Protocol.Validators;

/// <summary>
/// A validator's or publisher's manifest (rippled's <c>Manifest</c>): the master key delegating to an ephemeral
/// signing key for a sequence, signed by both; sequence 0xFFFFFFFF revokes the master key for good.
/// </summary>
public sealed partial class Manifest
{
    /// <summary>The sequence of a revocation (<c>Manifest::revoked</c>).</summary>
    public const uint RevokedSequence = uint.MaxValue;

    private static readonly HashSet<FieldId> Template =
    [
        FieldId.PublicKey, FieldId.MasterSignature, FieldId.Sequence, FieldId.Version, FieldId.Domain, FieldId.SigningPubKey, FieldId.Signature,
    ];

    private readonly SerializedObject _object;

    private Manifest(SerializedObject obj, byte[] serialized, ValidatorKey master, ValidatorKey? signing, uint sequence, string? domain)
    {
        _object = obj;
        Serialized = serialized;
        MasterKey = master;
        SigningKey = signing;
        Sequence = sequence;
        Domain = domain;
    }

    /// <summary>The manifest's bytes as received.</summary>
    public byte[] Serialized { get; }

    /// <summary>The master key (<c>sfPublicKey</c>).</summary>
    public ValidatorKey MasterKey { get; }

    /// <summary>The ephemeral key (<c>sfSigningPubKey</c>); null for a revocation.</summary>
    public ValidatorKey? SigningKey { get; }

    /// <summary>The sequence: a newer one supersedes.</summary>
    public uint Sequence { get; }

    /// <summary>The validator's domain, if it declared one.</summary>
    public string? Domain { get; }

    /// <summary>True when this manifest revokes its master key.</summary>
    public bool Revoked => Sequence == RevokedSequence;

    /// <summary>The manifest in base64, as lists and the <c>manifest</c> method carry it.</summary>
    public string Base64 => Convert.ToBase64String(Serialized);

    /// <summary>
    /// Parses a manifest as rippled's <c>deserializeManifest</c> does (no signature check: see <see cref="Verify"/>);
    /// null with the reason otherwise.
    /// </summary>
    public static Manifest? TryParse(byte[] bytes, out string error)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
        {
            error = "empty manifest";
            return null;
        }

        var obj = SerializedObject.TryParse(bytes, Template, out error);
        if (obj is null)
        {
            return null;
        }

        if (!obj.Has(FieldId.PublicKey) || !obj.Has(FieldId.MasterSignature) || !obj.Has(FieldId.Sequence))
        {
            error = "manifest lacks a required field (PublicKey, MasterSignature, Sequence)";
            return null;
        }

        // sfVersion is soeDEFAULT: present at all means either a version other than 0 ("we only understand version 0
        // manifests") or 0 written explicitly, which the template refuses.
        if (obj.Has(FieldId.Version))
        {
            error = "manifest version field present";
            return null;
        }

        var master = ValidatorKey.TryCreate(obj.GetBlob(FieldId.PublicKey));
        if (master is null)
        {
            error = "manifest master key is not a public key";
            return null;
        }

        var sequence = obj.GetUInt32(FieldId.Sequence)!.Value;
        string? domain = null;
        if (obj.GetBlob(FieldId.Domain) is { } d)
        {
            domain = Encoding.ASCII.GetString(d);
            if (d.Any(b => b > 0x7F) || !IsProperlyFormedTomlDomain(domain))
            {
                error = "manifest domain is malformed";
                return null;
            }
        }

        var hasKey = obj.Has(FieldId.SigningPubKey);
        var hasSignature = obj.Has(FieldId.Signature);
        ValidatorKey? signing = null;
        if (sequence == RevokedSequence)
        {
            if (hasKey || hasSignature)
            {
                error = "revocation manifest carries a signing key or signature";
                return null;
            }
        }
        else
        {
            if (!hasKey || !hasSignature)
            {
                error = "manifest lacks its signing key or signature";
                return null;
            }

            signing = ValidatorKey.TryCreate(obj.GetBlob(FieldId.SigningPubKey));
            if (signing is null)
            {
                error = "manifest signing key is not a public key";
                return null;
            }

            if (signing.Equals(master))
            {
                error = "manifest signing key equals its master key";
                return null;
            }
        }

        error = string.Empty;
        return new Manifest(obj, bytes, master, signing, sequence, domain);
    }

    /// <summary>Parses a base64 manifest; null with the reason otherwise.</summary>
    public static Manifest? TryParseBase64(string? text, out string error)
    {
        if (string.IsNullOrEmpty(text) || !TryBase64(text, out var bytes))
        {
            error = "manifest is not base64";
            return null;
        }

        return TryParse(bytes, out error);
    }

    /// <summary>
    /// <c>Manifest::verify</c>: the ephemeral key's signature (unless revoked) and the master key's signature, both
    /// over "MAN\0" and the signing fields.
    /// </summary>
    public bool Verify()
    {
        var data = _object.SigningData(HashPrefix.Manifest);
        if (!Revoked && (SigningKey is null || _object.GetBlob(FieldId.Signature) is not { } signature || !SigningKey.Verify(data, signature)))
        {
            return false;
        }

        return _object.GetBlob(FieldId.MasterSignature) is { } master && MasterKey.Verify(data, master);
    }

    /// <summary>Strict base64 (no whitespace), as rippled's decoder is fed.</summary>
    internal static bool TryBase64(string text, out byte[] bytes)
    {
        bytes = new byte[(text.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(text, bytes, out var written))
        {
            bytes = [];
            return false;
        }

        bytes = bytes[..written];
        return true;
    }

    // rippled's isProperlyFormedTomlDomain: 4–128 characters; dot-separated labels of letters, digits and inner
    // hyphens; an alphabetic top-level label of 2–63.
    private static bool IsProperlyFormedTomlDomain(string domain) =>
        domain.Length is >= 4 and <= 128 && DomainPattern().IsMatch(domain);

    [GeneratedRegex("^((?!-)[a-zA-Z0-9-]{1,63}(?<!-)\\.)+[A-Za-z]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex DomainPattern();
}
