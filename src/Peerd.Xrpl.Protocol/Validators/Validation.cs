using Peerd.Xrpl.Protocol.Serialization;

namespace Peerd.Xrpl.Protocol.Validators;

/// <summary>
/// A validator's signed statement about a ledger (rippled's <c>STValidation</c>), read from <c>TMValidation</c>. Only
/// secp256k1 signing keys are accepted ("Invalid public key in validation"): validators sign with an ephemeral
/// secp256k1 key whatever their master key type.
/// </summary>
public sealed class Validation
{
    /// <summary>rippled refuses shorter messages before parsing (<c>PeerImp::onMessage(TMValidation)</c>: "Too small").</summary>
    public const int MinimumLength = 50;

    /// <summary><c>vfFullValidation</c>: the validator fully validated this ledger (not a partial validation).</summary>
    public const uint FullValidationFlag = 0x00000001;

    /// <summary><c>vfFullyCanonicalSig</c>: the signature must be low-S.</summary>
    public const uint FullyCanonicalSignatureFlag = 0x80000000;

    private static readonly HashSet<FieldId> Template =
    [
        FieldId.Flags, FieldId.LedgerHash, FieldId.LedgerSequence, FieldId.CloseTime, FieldId.LoadFee, FieldId.Amendments,
        FieldId.BaseFee, FieldId.ReserveBase, FieldId.ReserveIncrement, FieldId.SigningTime, FieldId.SigningPubKey,
        FieldId.Signature, FieldId.ConsensusHash, FieldId.Cookie, FieldId.ValidatedHash, FieldId.ServerVersion,
        FieldId.BaseFeeDrops, FieldId.ReserveBaseDrops, FieldId.ReserveIncrementDrops,
    ];

    private readonly SerializedObject _object;

    private Validation(SerializedObject obj, byte[] serialized)
    {
        _object = obj;
        Serialized = serialized;
        Flags = obj.GetUInt32(FieldId.Flags)!.Value;
        LedgerSequence = obj.GetUInt32(FieldId.LedgerSequence)!.Value;
        LedgerHash = obj.GetFixed(FieldId.LedgerHash)!;
        SigningTime = obj.GetUInt32(FieldId.SigningTime)!.Value;
        CloseTime = obj.GetUInt32(FieldId.CloseTime);
        Cookie = obj.GetUInt64(FieldId.Cookie);
        ServerVersion = obj.GetUInt64(FieldId.ServerVersion);
        SigningKey = ValidatorKey.TryCreate(obj.GetBlob(FieldId.SigningPubKey))!;
        Signature = obj.GetBlob(FieldId.Signature)!;
    }

    /// <summary>The bytes as received.</summary>
    public byte[] Serialized { get; }

    /// <summary><c>sfFlags</c>.</summary>
    public uint Flags { get; }

    /// <summary>True for a full validation (<see cref="FullValidationFlag"/>).</summary>
    public bool Full => (Flags & FullValidationFlag) != 0;

    /// <summary><c>sfLedgerSequence</c>.</summary>
    public uint LedgerSequence { get; }

    /// <summary><c>sfLedgerHash</c> (32 bytes).</summary>
    public byte[] LedgerHash { get; }

    /// <summary><c>sfSigningTime</c>, seconds since the XRPL epoch.</summary>
    public uint SigningTime { get; }

    /// <summary><c>sfCloseTime</c>, if present.</summary>
    public uint? CloseTime { get; }

    /// <summary><c>sfCookie</c>, if present.</summary>
    public ulong? Cookie { get; }

    /// <summary><c>sfServerVersion</c>, if present.</summary>
    public ulong? ServerVersion { get; }

    /// <summary>The ephemeral (or, without a manifest, master) key that signed.</summary>
    public ValidatorKey SigningKey { get; }

    /// <summary>The DER signature.</summary>
    public byte[] Signature { get; }

    /// <summary>Parses as <c>STValidation</c>'s constructor does (without the signature check); null with the reason otherwise.</summary>
    public static Validation? TryParse(byte[] bytes, out string error)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length < MinimumLength)
        {
            error = "validation too small";
            return null;
        }

        var obj = SerializedObject.TryParse(bytes, Template, out error);
        if (obj is null)
        {
            return null;
        }

        if (!obj.Has(FieldId.Flags) || !obj.Has(FieldId.LedgerHash) || !obj.Has(FieldId.LedgerSequence) || !obj.Has(FieldId.SigningTime)
            || !obj.Has(FieldId.SigningPubKey) || !obj.Has(FieldId.Signature))
        {
            error = "validation lacks a required field";
            return null;
        }

        // sfCookie is soeDEFAULT: an explicit zero is refused by the template.
        if (obj.GetUInt64(FieldId.Cookie) == 0)
        {
            error = "validation cookie explicitly zero";
            return null;
        }

        if (ValidatorKey.TryCreate(obj.GetBlob(FieldId.SigningPubKey)) is not { Type: KeyType.Secp256k1 })
        {
            error = "invalid public key in validation";
            return null;
        }

        error = string.Empty;
        return new Validation(obj, bytes);
    }

    /// <summary>The digest the validator signed: <c>sha512Half("VAL\0" ‖ signing fields)</c>.</summary>
    public byte[] SigningHash() => HashPrefix.Sha512Half(_object.SigningData(HashPrefix.Validation));

    /// <summary><c>STValidation::isValid</c>: the signature verifies (low-S only when the validation asks for it).</summary>
    public bool Verify() => SigningKey.VerifyDigest(SigningHash(), Signature, (Flags & FullyCanonicalSignatureFlag) != 0);

    /// <summary>
    /// rippled's <c>isCurrent</c> with its <c>ValidationParms</c>: signed less than 3 minutes before
    /// <paramref name="now"/> and less than 5 minutes after it (seconds since the XRPL epoch).
    /// </summary>
    public bool IsCurrent(uint now) => (long)SigningTime > (long)now - CurrentEarlySeconds && (long)SigningTime < (long)now + CurrentWallSeconds;

    /// <summary><c>validationCURRENT_EARLY</c>.</summary>
    public const int CurrentEarlySeconds = 180;

    /// <summary><c>validationCURRENT_WALL</c>.</summary>
    public const int CurrentWallSeconds = 300;
}
