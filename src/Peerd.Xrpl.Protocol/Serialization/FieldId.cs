namespace Peerd.Xrpl.Protocol.Serialization;

/// <summary>
/// A serialized field's identity in rippled's binary format (<c>SField</c>): its type code and its field code. Fields
/// of a canonical object appear in ascending (type, field) order (<c>STObject::getSortedFields</c>).
/// </summary>
/// <param name="TypeCode">The serialized type (<c>STI_*</c>).</param>
/// <param name="FieldCode">The field number within the type.</param>
public readonly record struct FieldId(int TypeCode, int FieldCode) : IComparable<FieldId>
{
    /// <summary><c>STI_UINT16</c>.</summary>
    public const int UInt16 = 1;

    /// <summary><c>STI_UINT32</c>.</summary>
    public const int UInt32 = 2;

    /// <summary><c>STI_UINT64</c>.</summary>
    public const int UInt64 = 3;

    /// <summary><c>STI_UINT256</c>.</summary>
    public const int Hash256 = 5;

    /// <summary><c>STI_AMOUNT</c>.</summary>
    public const int Amount = 6;

    /// <summary><c>STI_VL</c>: a length-prefixed blob.</summary>
    public const int Blob = 7;

    /// <summary><c>STI_VECTOR256</c>: a length-prefixed array of 256-bit values.</summary>
    public const int Vector256 = 19;

    /// <summary><c>sfVersion</c> (UInt16 16).</summary>
    public static readonly FieldId Version = new(UInt16, 16);

    /// <summary><c>sfFlags</c> (UInt32 2).</summary>
    public static readonly FieldId Flags = new(UInt32, 2);

    /// <summary><c>sfSequence</c> (UInt32 4).</summary>
    public static readonly FieldId Sequence = new(UInt32, 4);

    /// <summary><c>sfLedgerSequence</c> (UInt32 6).</summary>
    public static readonly FieldId LedgerSequence = new(UInt32, 6);

    /// <summary><c>sfCloseTime</c> (UInt32 7).</summary>
    public static readonly FieldId CloseTime = new(UInt32, 7);

    /// <summary><c>sfSigningTime</c> (UInt32 9).</summary>
    public static readonly FieldId SigningTime = new(UInt32, 9);

    /// <summary><c>sfLoadFee</c> (UInt32 24).</summary>
    public static readonly FieldId LoadFee = new(UInt32, 24);

    /// <summary><c>sfReserveBase</c> (UInt32 31).</summary>
    public static readonly FieldId ReserveBase = new(UInt32, 31);

    /// <summary><c>sfReserveIncrement</c> (UInt32 32).</summary>
    public static readonly FieldId ReserveIncrement = new(UInt32, 32);

    /// <summary><c>sfBaseFee</c> (UInt64 5).</summary>
    public static readonly FieldId BaseFee = new(UInt64, 5);

    /// <summary><c>sfCookie</c> (UInt64 10).</summary>
    public static readonly FieldId Cookie = new(UInt64, 10);

    /// <summary><c>sfServerVersion</c> (UInt64 11).</summary>
    public static readonly FieldId ServerVersion = new(UInt64, 11);

    /// <summary><c>sfLedgerHash</c> (Hash256 1).</summary>
    public static readonly FieldId LedgerHash = new(Hash256, 1);

    /// <summary><c>sfConsensusHash</c> (Hash256 23).</summary>
    public static readonly FieldId ConsensusHash = new(Hash256, 23);

    /// <summary><c>sfValidatedHash</c> (Hash256 25).</summary>
    public static readonly FieldId ValidatedHash = new(Hash256, 25);

    /// <summary><c>sfBaseFeeDrops</c> (Amount 22).</summary>
    public static readonly FieldId BaseFeeDrops = new(Amount, 22);

    /// <summary><c>sfReserveBaseDrops</c> (Amount 23).</summary>
    public static readonly FieldId ReserveBaseDrops = new(Amount, 23);

    /// <summary><c>sfReserveIncrementDrops</c> (Amount 24).</summary>
    public static readonly FieldId ReserveIncrementDrops = new(Amount, 24);

    /// <summary><c>sfPublicKey</c> (VL 1).</summary>
    public static readonly FieldId PublicKey = new(Blob, 1);

    /// <summary><c>sfSigningPubKey</c> (VL 3).</summary>
    public static readonly FieldId SigningPubKey = new(Blob, 3);

    /// <summary><c>sfSignature</c> (VL 6): not a signing field.</summary>
    public static readonly FieldId Signature = new(Blob, 6);

    /// <summary><c>sfDomain</c> (VL 7).</summary>
    public static readonly FieldId Domain = new(Blob, 7);

    /// <summary><c>sfMasterSignature</c> (VL 18): not a signing field.</summary>
    public static readonly FieldId MasterSignature = new(Blob, 18);

    /// <summary><c>sfAmendments</c> (Vector256 3).</summary>
    public static readonly FieldId Amendments = new(Vector256, 3);

    /// <summary>False for the fields a signature does not cover (<c>SField::notSigning</c>).</summary>
    public bool IsSigning => this != Signature && this != MasterSignature;

    /// <inheritdoc />
    public int CompareTo(FieldId other) => TypeCode != other.TypeCode ? TypeCode.CompareTo(other.TypeCode) : FieldCode.CompareTo(other.FieldCode);

    /// <inheritdoc />
    public override string ToString() => $"{TypeCode}/{FieldCode}";
}
