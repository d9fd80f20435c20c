namespace Peerd.Lightning.Protocol.Tlv;

/// <summary>
/// Checks the value of a known TLV record against its known encoding: returns <see cref="TlvError.None"/> or one of
/// the <c>KnownValue*</c> errors. Must not throw for any input.
/// </summary>
public delegate TlvError TlvValueValidator(ReadOnlySpan<byte> value);
