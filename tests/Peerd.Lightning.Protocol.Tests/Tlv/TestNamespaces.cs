using System.Buffers.Binary;
using Peerd.Crypto;
using Peerd.Lightning.Protocol.Tlv;

namespace Peerd.Lightning.Protocol.Tests.Tlv;

/// <summary>The BOLT #1 Appendix B test namespaces <c>n1</c> and <c>n2</c> as <see cref="TlvNamespace"/>s.</summary>
public static class TestNamespaces
{
    // n1: tlv1 (type 1) = tu64 amount_msat; tlv2 (type 2) = short_channel_id (8 bytes);
    // tlv3 (type 3) = point node_id (33) + u64 + u64 = 49 bytes; tlv4 (type 254) = u16 cltv_delta.
    public static TlvNamespace N1 { get; } = new(
        "n1",
        new TlvRecordSpec(1, "tlv1", TlvValueRules.TruncatedUInt64),
        new TlvRecordSpec(2, "tlv2", TlvValueRules.FixedLength(8)),
        new TlvRecordSpec(3, "tlv3", ValidateTlv3),
        new TlvRecordSpec(254, "tlv4", TlvValueRules.FixedLength(2)));

    // n2: tlv1 (type 0) = tu64 amount_msat; tlv2 (type 11) = tu32 cltv_expiry.
    public static TlvNamespace N2 { get; } = new(
        "n2",
        new TlvRecordSpec(0, "tlv1", TlvValueRules.TruncatedUInt64),
        new TlvRecordSpec(11, "tlv2", TlvValueRules.TruncatedUInt32));

    public static TlvNamespace ByName(string name) => name == "n1" ? N1 : N2;

    /// <summary>Renders a known n1 record the way the vectors' <c>values</c> column does.</summary>
    public static string DescribeN1(TlvRecord record)
    {
        var v = record.Value;
        return record.Type switch
        {
            1 => $"`tlv1` `amount_msat`={Tu64(v)}",
            2 => $"`tlv2` `scid`={(v[0] << 16) | (v[1] << 8) | v[2]}x{(v[3] << 16) | (v[4] << 8) | v[5]}x{BinaryPrimitives.ReadUInt16BigEndian(v[6..])}",
            3 => $"`tlv3` `node_id`={Primitives.Hex.Encode(v[..33])} `amount_msat_1`={BinaryPrimitives.ReadUInt64BigEndian(v[33..])} `amount_msat_2`={BinaryPrimitives.ReadUInt64BigEndian(v[41..])}",
            254 => $"`tlv4` `cltv_delta`={BinaryPrimitives.ReadUInt16BigEndian(v)}",
            _ => "?",
        };
    }

    private static ulong Tu64(ReadOnlySpan<byte> value)
    {
        Assert.Equal(TlvError.None, TruncatedUInt.TryRead(value, 8, out ulong result));
        return result;
    }

    private static TlvError ValidateTlv3(ReadOnlySpan<byte> value)
    {
        const int Length = 33 + 8 + 8;
        if (value.Length != Length)
        {
            return value.Length < Length ? TlvError.KnownValueTooShort : TlvError.KnownValueTooLong;
        }

        return Secp256k1.IsValidPublicKey(value[..33]) ? TlvError.None : TlvError.KnownValueInvalid;
    }
}
