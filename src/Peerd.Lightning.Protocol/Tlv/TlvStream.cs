namespace Peerd.Lightning.Protocol.Tlv;

/// <summary>Whole-stream helpers over <see cref="TlvReader"/>.</summary>
public static class TlvStream
{
    /// <summary>
    /// Checks that <paramref name="stream"/> is a valid <c>tlv_stream</c> for <paramref name="knownTypes"/>;
    /// returns <see cref="TlvError.None"/> or the first rule it breaks.
    /// </summary>
    public static TlvError Validate(ReadOnlySpan<byte> stream, TlvNamespace knownTypes)
    {
        var reader = new TlvReader(stream, knownTypes);
        while (reader.TryReadNext(out _))
        {
        }

        return reader.Error;
    }

    /// <summary>Human-readable text for a <see cref="TlvError"/>, for logs and warning messages.</summary>
    public static string Describe(TlvError error) => error switch
    {
        TlvError.None => "valid",
        TlvError.TypeTruncated => "type truncated",
        TlvError.TypeNotMinimal => "type not minimally encoded",
        TlvError.LengthTruncated => "length truncated",
        TlvError.LengthNotMinimal => "length not minimally encoded",
        TlvError.TypeNotIncreasing => "types not strictly increasing",
        TlvError.ValueTruncated => "value truncated",
        TlvError.KnownValueTooShort => "value shorter than its known encoding",
        TlvError.KnownValueTooLong => "value longer than its known encoding",
        TlvError.KnownValueNotMinimal => "value not minimally encoded",
        TlvError.KnownValueInvalid => "value invalid",
        TlvError.UnknownEvenType => "unknown even type",
        _ => error.ToString(),
    };
}
