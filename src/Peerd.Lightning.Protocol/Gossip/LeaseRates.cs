using System.Buffers.Binary;
using Peerd.Lightning.Protocol.Tlv;

namespace Peerd.Lightning.Protocol.Gossip;

/// <summary>
/// The liquidity-ad <c>lease_rates</c> a node offers in its <c>node_announcement</c>'s <c>option_will_fund</c>
/// record (<c>node_ann_tlvs</c> type 1, the dual-funding lease proposal Core Lightning implements):
/// <c>[u16:funding_weight] [u16:lease_fee_basis] [u16:channel_fee_max_proportional_thousandths]
/// [u32:lease_fee_base_sat] [tu32:channel_fee_max_base_msat]</c>.
/// </summary>
/// <param name="FundingWeight">The weight the seller's inputs and outputs add to the funding transaction.</param>
/// <param name="LeaseFeeBasis">The lease fee on the leased amount, in basis points.</param>
/// <param name="ChannelFeeMaxProportionalThousandths">The most the seller will charge to forward, proportional, in thousandths.</param>
/// <param name="LeaseFeeBaseSat">The fixed lease fee, in satoshi.</param>
/// <param name="ChannelFeeMaxBaseMsat">The most the seller will charge to forward, base, in millisatoshi.</param>
public sealed record LeaseRates(ushort FundingWeight, ushort LeaseFeeBasis, ushort ChannelFeeMaxProportionalThousandths, uint LeaseFeeBaseSat, uint ChannelFeeMaxBaseMsat)
{
    /// <summary>The fixed-width head: three u16 and a u32.</summary>
    public const int FixedLength = 2 + 2 + 2 + 4;

    /// <summary>The longest encoding: the head and a 4-byte <c>tu32</c>.</summary>
    public const int MaxLength = FixedLength + TruncatedUInt.MaxLength32;

    /// <summary>The encoded length (the <c>tu32</c> minimal).</summary>
    public int EncodedLength => FixedLength + TruncatedUInt.GetLength(ChannelFeeMaxBaseMsat);

    /// <summary>Checks a <c>lease_rates</c> value: the head, then a minimal <c>tu32</c> of at most 4 bytes.</summary>
    public static TlvError Validate(ReadOnlySpan<byte> value) =>
        value.Length < FixedLength ? TlvError.KnownValueTooShort : TruncatedUInt.TryRead(value[FixedLength..], TruncatedUInt.MaxLength32, out _);

    /// <summary>Reads a whole <c>lease_rates</c> value; false (never an exception) when <see cref="Validate"/> fails.</summary>
    public static bool TryRead(ReadOnlySpan<byte> value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LeaseRates? rates)
    {
        rates = null;
        if (value.Length < FixedLength || TruncatedUInt.TryRead(value[FixedLength..], TruncatedUInt.MaxLength32, out ulong maxBase) != TlvError.None)
        {
            return false;
        }

        rates = new LeaseRates(
            BinaryPrimitives.ReadUInt16BigEndian(value),
            BinaryPrimitives.ReadUInt16BigEndian(value[2..]),
            BinaryPrimitives.ReadUInt16BigEndian(value[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(value[6..]),
            (uint)maxBase);
        return true;
    }

    /// <summary>Writes the encoding; returns the bytes written (<see cref="EncodedLength"/>).</summary>
    public int WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, FundingWeight);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], LeaseFeeBasis);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], ChannelFeeMaxProportionalThousandths);
        BinaryPrimitives.WriteUInt32BigEndian(destination[6..], LeaseFeeBaseSat);
        return FixedLength + TruncatedUInt.Write(ChannelFeeMaxBaseMsat, destination[FixedLength..]);
    }

    /// <summary>The encoding as bytes.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[EncodedLength];
        WriteTo(bytes);
        return bytes;
    }
}
