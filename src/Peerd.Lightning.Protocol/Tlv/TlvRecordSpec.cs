namespace Peerd.Lightning.Protocol.Tlv;

/// <summary>One known record type of a TLV namespace: its number, its spec name and how to check its value.</summary>
/// <param name="Type">The record type.</param>
/// <param name="Name">The spec's name for the record (e.g. <c>networks</c>).</param>
/// <param name="Validate">Checks a value against the known encoding (see <see cref="TlvValueRules"/>).</param>
public sealed record TlvRecordSpec(ulong Type, string Name, TlvValueValidator Validate);
