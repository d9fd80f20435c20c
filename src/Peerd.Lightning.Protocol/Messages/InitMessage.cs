using System.Buffers.Binary;
using Peerd.Lightning.Protocol.Addresses;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Protocol.Tlv;

namespace Peerd.Lightning.Protocol.Messages;

/// <summary>
/// BOLT #1 <c>init</c> (type 16): <c>[u16:gflen] [gflen*byte:globalfeatures] [u16:flen] [flen*byte:features]
/// [init_tlvs:tlvs]</c>, with TLV 1 <c>networks</c> (<c>...*chain_hash</c>) and TLV 3 <c>remote_addr</c> (one BOLT #7
/// address descriptor). "MUST send <c>init</c> as the first Lightning message for any connection."
/// </summary>
public sealed class InitMessage : ILightningMessage
{
    /// <summary>TLV type of <c>networks</c>.</summary>
    public const ulong NetworksType = 1;

    /// <summary>TLV type of <c>remote_addr</c>.</summary>
    public const ulong RemoteAddressType = 3;

    /// <summary>The known records of <c>init_tlvs</c>: <c>networks</c> must be whole chain hashes; <c>remote_addr</c> is any bytes.</summary>
    public static TlvNamespace TlvTypes { get; } = new(
        "init_tlvs",
        new TlvRecordSpec(NetworksType, "networks", TlvValueRules.ArrayOf(ChainHash.Length)),
        new TlvRecordSpec(RemoteAddressType, "remote_addr", TlvValueRules.AnyLength));

    /// <summary>Creates an <c>init</c>.</summary>
    /// <param name="features">The <c>features</c> field, encoded as held (build it minimal).</param>
    /// <param name="networks">The <c>networks</c> TLV; null omits it ("SHOULD set <c>networks</c> to all chains it will gossip or open channels for").</param>
    /// <param name="remoteAddress">The <c>remote_addr</c> TLV: the peer's address as we see it; null omits it.</param>
    /// <param name="globalFeatures">The legacy <c>globalfeatures</c>; empty by default ("SHOULD NOT set features greater than 13").</param>
    public InitMessage(FeatureBits features, IReadOnlyList<ChainHash>? networks = null, WireAddress? remoteAddress = null, FeatureBits? globalFeatures = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        Features = features;
        GlobalFeatures = globalFeatures ?? FeatureBits.Empty;
        Networks = networks;
        RemoteAddress = remoteAddress;
    }

    /// <inheritdoc />
    public MessageType Type => MessageType.Init;

    /// <summary>The legacy <c>globalfeatures</c> field.</summary>
    public FeatureBits GlobalFeatures { get; }

    /// <summary>The <c>features</c> field.</summary>
    public FeatureBits Features { get; }

    /// <summary>
    /// "MUST combine (bitwise OR) the two feature bitmaps into one logical <c>features</c> map" — what Core Lightning
    /// reports as the peer's <c>features</c>.
    /// </summary>
    public FeatureBits CombinedFeatures => Features | GlobalFeatures;

    /// <summary>The chains in <c>networks</c>; null when the TLV is absent (empty when present but empty).</summary>
    public IReadOnlyList<ChainHash>? Networks { get; }

    /// <summary>
    /// The <c>remote_addr</c> descriptor; null when absent, or when it is not a well-formed descriptor with a
    /// non-zero port (ignored, as Core Lightning does; the TLV's value is free-form bytes so it never fails the stream).
    /// </summary>
    public WireAddress? RemoteAddress { get; }

    /// <inheritdoc />
    public int EncodedLength =>
        LightningMessage.TypeLength + 2 + GlobalFeatures.Length + 2 + Features.Length
        + (Networks is null ? 0 : TlvWriter.GetRecordLength(NetworksType, Networks.Count * ChainHash.Length))
        + (RemoteAddress is null ? 0 : TlvWriter.GetRecordLength(RemoteAddressType, RemoteAddress.EncodedLength));

    /// <summary>
    /// True when <see cref="Networks"/> is absent or names <paramref name="chain"/>. BOLT #1: "upon receiving
    /// <c>networks</c> containing no common chains: MAY close the connection" (Core Lightning warns "No common
    /// network" and closes).
    /// </summary>
    public bool SupportsChain(ChainHash chain) => Networks is null || Networks.Contains(chain);

    /// <summary>
    /// Decodes a whole <c>init</c> (type included); never throws. Truncated fields and an invalid TLV stream (BOLT #1
    /// Appendix C: truncated, unknown even record, duplicate record) are failures that close the connection.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> message, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out InitMessage? init, out DecodeFailure failure)
    {
        init = null;
        if (!LightningMessage.TryBeginRead(message, MessageType.Init, out var reader, out failure))
        {
            return false;
        }

        if (!reader.TryReadU16Prefixed(out var globalFeatures))
        {
            failure = DecodeFailure.Truncated(MessageType.Init, "globalfeatures");
            return false;
        }

        if (!reader.TryReadU16Prefixed(out var features))
        {
            failure = DecodeFailure.Truncated(MessageType.Init, "features");
            return false;
        }

        List<ChainHash>? networks = null;
        WireAddress? remoteAddress = null;
        var tlvs = new TlvReader(reader.Remaining, TlvTypes);
        while (tlvs.TryReadNext(out var record))
        {
            if (record.Type == NetworksType)
            {
                networks = new List<ChainHash>(record.Value.Length / ChainHash.Length);
                for (int offset = 0; offset < record.Value.Length; offset += ChainHash.Length)
                {
                    networks.Add(new ChainHash(record.Value.Slice(offset, ChainHash.Length)));
                }
            }
            else if (WireAddress.TryRead(record.Value, out var address, out _) == WireAddressReadStatus.Ok)
            {
                remoteAddress = address;
            }
        }

        if (tlvs.Error != TlvError.None)
        {
            failure = DecodeFailure.InvalidExtension(MessageType.Init, tlvs.Error, tlvs.ErrorType);
            return false;
        }

        init = new InitMessage(FeatureBits.FromBytes(features), networks, remoteAddress, FeatureBits.FromBytes(globalFeatures));
        return true;
    }

    /// <inheritdoc />
    public int WriteTo(Span<byte> destination)
    {
        int length = EncodedLength;
        int offset = LightningMessage.BeginWrite(destination, Type, length);
        offset += WriteFeatures(GlobalFeatures, destination[offset..]);
        offset += WriteFeatures(Features, destination[offset..]);
        if (Networks is not null)
        {
            offset += BigSize.Write(NetworksType, destination[offset..]);
            offset += BigSize.Write((ulong)(Networks.Count * ChainHash.Length), destination[offset..]);
            foreach (var chain in Networks)
            {
                chain.WriteTo(destination[offset..]);
                offset += ChainHash.Length;
            }
        }

        if (RemoteAddress is not null)
        {
            offset += BigSize.Write(RemoteAddressType, destination[offset..]);
            offset += BigSize.Write((ulong)RemoteAddress.EncodedLength, destination[offset..]);
            offset += RemoteAddress.WriteTo(destination[offset..]);
        }

        return offset;
    }

    /// <summary>A log line with the features in hex.</summary>
    public override string ToString() => $"init features={CombinedFeatures.ToHex()} networks={Networks?.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} remote_addr={RemoteAddress?.ToString() ?? "none"}";

    private static int WriteFeatures(FeatureBits bits, Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)bits.Length);
        bits.Bytes.CopyTo(destination[2..]);
        return 2 + bits.Length;
    }
}
