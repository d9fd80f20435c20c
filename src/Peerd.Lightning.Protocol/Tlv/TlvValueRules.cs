namespace Peerd.Lightning.Protocol.Tlv;

/// <summary>Ready-made <see cref="TlvValueValidator"/>s for the common known encodings.</summary>
public static class TlvValueRules
{
    /// <summary>Any length is valid (e.g. <c>[...*byte:data]</c>).</summary>
    public static TlvValueValidator AnyLength { get; } = static _ => TlvError.None;

    /// <summary>A <c>tu16</c>: at most 2 bytes, no leading zero.</summary>
    public static TlvValueValidator TruncatedUInt16 { get; } = Truncated(TruncatedUInt.MaxLength16);

    /// <summary>A <c>tu32</c>: at most 4 bytes, no leading zero.</summary>
    public static TlvValueValidator TruncatedUInt32 { get; } = Truncated(TruncatedUInt.MaxLength32);

    /// <summary>A <c>tu64</c>: at most 8 bytes, no leading zero.</summary>
    public static TlvValueValidator TruncatedUInt64 { get; } = Truncated(TruncatedUInt.MaxLength64);

    /// <summary>
    /// A single <c>bigsize</c> that is the whole value: minimally encoded (BOLT #1), with nothing before or after it.
    /// </summary>
    public static TlvValueValidator BigSizeValue { get; } = static value =>
        BigSize.TryRead(value, out _, out int read) switch
        {
            BigSizeStatus.Done => read == value.Length ? TlvError.None : TlvError.KnownValueTooLong,
            BigSizeStatus.NotCanonical => TlvError.KnownValueNotMinimal,
            _ => TlvError.KnownValueTooShort,
        };

    /// <summary>At least <paramref name="length"/> bytes (a fixed head followed by a variable tail).</summary>
    public static TlvValueValidator AtLeast(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return value => value.Length < length ? TlvError.KnownValueTooShort : TlvError.None;
    }

    /// <summary>Exactly <paramref name="length"/> bytes (fixed-size fields such as <c>u16</c>, <c>short_channel_id</c>).</summary>
    public static TlvValueValidator FixedLength(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return value => value.Length < length ? TlvError.KnownValueTooShort
            : value.Length > length ? TlvError.KnownValueTooLong
            : TlvError.None;
    }

    /// <summary>Zero or more whole elements of <paramref name="elementLength"/> bytes (e.g. <c>...*chain_hash</c>).</summary>
    public static TlvValueValidator ArrayOf(int elementLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(elementLength);
        return value => value.Length % elementLength == 0 ? TlvError.None : TlvError.KnownValueInvalid;
    }

    private static TlvValueValidator Truncated(int maxLength) =>
        value => TruncatedUInt.TryRead(value, maxLength, out _);
}
