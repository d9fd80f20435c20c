using System.Buffers.Binary;
using System.Text;
using Peerd.Crypto;
using Peerd.Lightning.Protocol.Addresses;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Lightning.Protocol.Tlv;
using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Gossip;

/// <summary>
/// BOLT #7 <c>node_announcement</c> (type 257): <c>[signature:signature] [u16:flen] [flen*byte:features]
/// [u32:timestamp] [point:node_id] [3*byte:rgb_color] [32*byte:alias] [u16:addrlen] [addrlen*byte:addresses]</c>,
/// then any extension. The signature covers "the double-SHA256 of the entire message following the
/// <c>signature</c> field, including any future fields appended to the end", so the signed bytes are kept verbatim.
/// </summary>
public sealed class NodeAnnouncement : ILightningMessage
{
    /// <summary>64-byte compact signature.</summary>
    public const int SignatureLength = Secp256k1.CompactSignatureLength;

    /// <summary>3-byte colour: red, green, blue.</summary>
    public const int RgbColorLength = 3;

    /// <summary>32-byte zero-padded UTF-8 alias.</summary>
    public const int AliasLength = 32;

    /// <summary>The <c>option_will_fund</c> record type of <c>node_ann_tlvs</c>.</summary>
    public const ulong OptionWillFundType = 1;

    private readonly byte[] _signature;
    private readonly byte[] _signed;
    private readonly int _nodeIdOffset;
    private readonly int _addressesOffset;
    private readonly int _addressesLength;

    private NodeAnnouncement(byte[] signature, byte[] signed, FeatureBits features, uint timestamp, int nodeIdOffset, int addressesOffset, int addressesLength, IReadOnlyList<WireAddress> addresses)
    {
        _signature = signature;
        _signed = signed;
        Features = features;
        Timestamp = timestamp;
        _nodeIdOffset = nodeIdOffset;
        _addressesOffset = addressesOffset;
        _addressesLength = addressesLength;
        Addresses = addresses;
    }

    /// <inheritdoc />
    public MessageType Type => MessageType.NodeAnnouncement;

    /// <summary>The 64-byte compact signature by <see cref="NodeId"/>.</summary>
    public ReadOnlySpan<byte> Signature => _signature;

    /// <summary>The announced features.</summary>
    public FeatureBits Features { get; }

    /// <summary>The announcement timestamp (usually UNIX seconds; only its order matters).</summary>
    public uint Timestamp { get; }

    /// <summary>The announcing node's 33-byte compressed public key (not validated by decoding).</summary>
    public ReadOnlySpan<byte> NodeId => _signed.AsSpan(_nodeIdOffset, Secp256k1.PublicKeyLength);

    /// <summary>The colour bytes: red, green, blue.</summary>
    public ReadOnlySpan<byte> RgbColor => _signed.AsSpan(_nodeIdOffset + Secp256k1.PublicKeyLength, RgbColorLength);

    /// <summary>The colour as six hex digits, as Core Lightning prints it.</summary>
    public string ColorHex => Hex.Encode(RgbColor);

    /// <summary>The 32 alias bytes as sent.</summary>
    public ReadOnlySpan<byte> Alias => _signed.AsSpan(_nodeIdOffset + Secp256k1.PublicKeyLength + RgbColorLength, AliasLength);

    /// <summary>The alias as text: trailing zero bytes removed, invalid UTF-8 replaced.</summary>
    public string AliasText => Encoding.UTF8.GetString(Alias.TrimEnd((byte)0));

    /// <summary>The raw <c>addresses</c> field.</summary>
    public ReadOnlySpan<byte> AddressBytes => _signed.AsSpan(_addressesOffset, _addressesLength);

    /// <summary>The decoded addresses (up to the first unknown type; port-0 entries skipped; Tor v2 kept but flagged).</summary>
    public IReadOnlyList<WireAddress> Addresses { get; }

    /// <summary>Bytes after <c>addresses</c>: the <c>node_ann_tlvs</c> stream, as signed.</summary>
    public ReadOnlySpan<byte> Extension => _signed.AsSpan(_addressesOffset + _addressesLength);

    /// <summary>The <c>node_ann_tlvs</c> this version knows: <c>option_will_fund</c> (type 1, <see cref="LeaseRates"/>).</summary>
    public static TlvNamespace TlvTypes { get; } = new(
        "node_ann_tlvs",
        new TlvRecordSpec(OptionWillFundType, "option_will_fund", LeaseRates.Validate));

    /// <summary>
    /// The <c>option_will_fund</c> liquidity ad, or null when the announcement has none or its <c>node_ann_tlvs</c>
    /// stream is invalid (decoded on each call).
    /// </summary>
    public LeaseRates? WillFund
    {
        get
        {
            LeaseRates? rates = null;
            var reader = new TlvReader(Extension, TlvTypes);
            while (reader.TryReadNext(out var record))
            {
                LeaseRates.TryRead(record.Value, out rates);
            }

            return reader.Error == TlvError.None ? rates : null;
        }
    }

    /// <summary>Everything after the signature: the signed bytes.</summary>
    public ReadOnlySpan<byte> SignedBytes => _signed;

    /// <inheritdoc />
    public int EncodedLength => LightningMessage.TypeLength + SignatureLength + _signed.Length;

    /// <summary>True when <see cref="NodeId"/> is a valid compressed point (BOLT #7: otherwise "MUST NOT process").</summary>
    public bool HasValidNodeId => Secp256k1.IsValidPublicKey(NodeId);

    /// <summary>
    /// Builds and signs an announcement for <paramref name="key"/>'s node. Features are written minimally and addresses
    /// in the order given (sort them with <see cref="WireAddressList.InAscendingOrder"/>), then
    /// <paramref name="extension"/> (a <c>node_ann_tlvs</c> stream) as given. Throws
    /// <see cref="ArgumentException"/> for a colour that is not 3 bytes or an alias over 32 UTF-8 bytes.
    /// </summary>
    public static NodeAnnouncement Sign(IStaticKey key, FeatureBits features, uint timestamp, ReadOnlySpan<byte> rgbColor, string alias, IReadOnlyList<WireAddress> addresses, ReadOnlySpan<byte> extension = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(alias);
        ArgumentNullException.ThrowIfNull(addresses);
        if (rgbColor.Length != RgbColorLength)
        {
            throw new ArgumentException("rgb_color is 3 bytes", nameof(rgbColor));
        }

        if (Encoding.UTF8.GetByteCount(alias) > AliasLength)
        {
            throw new ArgumentException("the alias is over 32 UTF-8 bytes", nameof(alias));
        }

        int addressesLength = WireAddressList.GetLength(addresses);
        int featuresLength = features.MinimalLength;
        var signed = new byte[2 + featuresLength + 4 + Secp256k1.PublicKeyLength + RgbColorLength + AliasLength + 2 + addressesLength + extension.Length];
        var span = signed.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span, (ushort)featuresLength);
        int offset = 2 + features.WriteMinimal(span[2..]);
        BinaryPrimitives.WriteUInt32BigEndian(span[offset..], timestamp);
        offset += 4;
        key.PublicKey.CopyTo(span[offset..]);
        offset += Secp256k1.PublicKeyLength;
        rgbColor.CopyTo(span[offset..]);
        offset += RgbColorLength;
        Encoding.UTF8.GetBytes(alias, span[offset..]);
        offset += AliasLength;
        BinaryPrimitives.WriteUInt16BigEndian(span[offset..], (ushort)addressesLength);
        offset += 2;
        WireAddressList.Write(addresses, span[offset..]);
        extension.CopyTo(span[(offset + addressesLength)..]);

        var signature = new byte[SignatureLength];
        Span<byte> hash = stackalloc byte[32];
        ComputeSignedHash(signed, hash);
        if (!key.TrySignCompact(hash, signature))
        {
            throw new InvalidOperationException("the key refused to sign the node_announcement");
        }

        return Parse(signature, signed, out var announcement, out _) ? announcement! : throw new InvalidOperationException("built an unparseable node_announcement");
    }

    /// <summary>Decodes a whole <c>node_announcement</c> (type included); never throws. Does not verify the signature.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> message, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out NodeAnnouncement? announcement, out DecodeFailure failure)
    {
        announcement = null;
        if (!LightningMessage.TryBeginRead(message, MessageType.NodeAnnouncement, out _, out failure))
        {
            return false;
        }

        var payload = message[LightningMessage.TypeLength..];
        if (payload.Length < SignatureLength)
        {
            failure = DecodeFailure.Truncated(MessageType.NodeAnnouncement, "signature");
            return false;
        }

        return Parse(payload[..SignatureLength].ToArray(), payload[SignatureLength..].ToArray(), out announcement, out failure);
    }

    /// <summary>Writes the double-SHA256 of <paramref name="signedBytes"/> (everything after the signature).</summary>
    public static void ComputeSignedHash(ReadOnlySpan<byte> signedBytes, Span<byte> hash)
    {
        Span<byte> first = stackalloc byte[32];
        Sha256.Hash(signedBytes, first);
        Sha256.Hash(first, hash);
    }

    /// <summary>The 32-byte digest the signature covers.</summary>
    public byte[] ComputeSignedHash()
    {
        var hash = new byte[32];
        ComputeSignedHash(_signed, hash);
        return hash;
    }

    /// <summary>True when <see cref="Signature"/> is a valid (low-S) signature by <see cref="NodeId"/> of the signed hash.</summary>
    public bool VerifySignature()
    {
        Span<byte> hash = stackalloc byte[32];
        ComputeSignedHash(_signed, hash);
        return Secp256k1.VerifyCompact(_signature, hash, NodeId);
    }

    /// <inheritdoc />
    public int WriteTo(Span<byte> destination)
    {
        int length = EncodedLength;
        int offset = LightningMessage.BeginWrite(destination, Type, length);
        _signature.CopyTo(destination[offset..]);
        _signed.CopyTo(destination[(offset + SignatureLength)..]);
        return length;
    }

    /// <summary>A log line.</summary>
    public override string ToString() => $"node_announcement {Hex.Encode(NodeId)} alias={AliasText} timestamp={Timestamp}";

    private static bool Parse(byte[] signature, byte[] signed, out NodeAnnouncement? announcement, out DecodeFailure failure)
    {
        const MessageType type = MessageType.NodeAnnouncement;
        announcement = null;
        failure = default;
        var reader = new SignedReader(signed);
        if (!reader.TryReadU16Prefixed(out int featuresOffset, out int featuresLength))
        {
            failure = DecodeFailure.Truncated(type, "features");
            return false;
        }

        if (!reader.TryReadU32(out uint timestamp))
        {
            failure = DecodeFailure.Truncated(type, "timestamp");
            return false;
        }

        int nodeIdOffset = reader.Position;
        if (!reader.TrySkip(Secp256k1.PublicKeyLength + RgbColorLength + AliasLength))
        {
            failure = DecodeFailure.Truncated(type, "node_id, rgb_color and alias");
            return false;
        }

        if (!reader.TryReadU16Prefixed(out int addressesOffset, out int addressesLength))
        {
            failure = DecodeFailure.Truncated(type, "addresses");
            return false;
        }

        if (!WireAddressList.TryDecode(signed.AsSpan(addressesOffset, addressesLength), out var addresses))
        {
            failure = DecodeFailure.InvalidField(type, "addrlen is insufficient to hold the address descriptors of the known types");
            return false;
        }

        var features = FeatureBits.FromBytes(signed.AsSpan(featuresOffset, featuresLength));
        announcement = new NodeAnnouncement(signature, signed, features, timestamp, nodeIdOffset, addressesOffset, addressesLength, addresses);
        return true;
    }

    /// <summary>Offsets-only reader over the signed bytes (the announcement keeps the array and slices it).</summary>
    private ref struct SignedReader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;

        public int Position { get; private set; }

        public bool TrySkip(int length)
        {
            if (_bytes.Length - Position < length)
            {
                return false;
            }

            Position += length;
            return true;
        }

        public bool TryReadU32(out uint value)
        {
            value = 0;
            if (_bytes.Length - Position < 4)
            {
                return false;
            }

            value = BinaryPrimitives.ReadUInt32BigEndian(_bytes[Position..]);
            Position += 4;
            return true;
        }

        public bool TryReadU16Prefixed(out int offset, out int length)
        {
            offset = 0;
            length = 0;
            if (_bytes.Length - Position < 2)
            {
                return false;
            }

            int declared = BinaryPrimitives.ReadUInt16BigEndian(_bytes[Position..]);
            if (_bytes.Length - Position - 2 < declared)
            {
                return false;
            }

            offset = Position + 2;
            length = declared;
            Position = offset + declared;
            return true;
        }
    }
}
