using System.Security.Cryptography;

namespace Peerd.Lightning.Protocol.Addresses;

/// <summary>
/// Tor v3 onion service names (prop224, as quoted by BOLT #7): the 35 address bytes are
/// <c>[32:32_byte_ed25519_pubkey] || [2:checksum] || [1:version]</c>, where
/// <c>checksum = sha3(".onion checksum" || pubkey || version)[:2]</c>, and the name is their base32 plus <c>.onion</c>.
/// </summary>
public static class OnionV3
{
    /// <summary>35 bytes: public key 32, checksum 2, version 1.</summary>
    public const int AddressLength = PublicKeyLength + 2 + 1;

    /// <summary>The ed25519 public key length.</summary>
    public const int PublicKeyLength = 32;

    /// <summary>The version byte of v3 names.</summary>
    public const byte Version = 3;

    /// <summary>Base32 characters of a v3 name: 35 * 8 / 5 = 56.</summary>
    public const int EncodedLength = 56;

    private const string Suffix = ".onion";

    private static ReadOnlySpan<byte> ChecksumPrefix => ".onion checksum"u8;

    /// <summary>
    /// True when the platform has SHA3-256 (<see cref="SHA3_256.IsSupported"/>); without it, parsing skips the
    /// checksum check, as Core Lightning always does.
    /// </summary>
    public static bool CanVerifyChecksum => SHA3_256.IsSupported;

    /// <summary>
    /// Parses <c>&lt;56 base32 chars&gt;.onion</c> (the suffix is optional, any case) into the 35 address bytes,
    /// checking the version and, where the platform supports SHA3-256, the checksum.
    /// </summary>
    public static OnionAddressError TryParse(ReadOnlySpan<char> text, Span<byte> address)
    {
        if (address.Length < AddressLength)
        {
            throw new ArgumentException("destination must hold 35 bytes", nameof(address));
        }

        if (text.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^Suffix.Length];
        }

        var bytes = address[..AddressLength];
        if (!Base32.TryDecode(text, bytes))
        {
            return OnionAddressError.InvalidEncoding;
        }

        if (bytes[AddressLength - 1] != Version)
        {
            return OnionAddressError.UnsupportedVersion;
        }

        if (CanVerifyChecksum)
        {
            Span<byte> checksum = stackalloc byte[2];
            ComputeChecksum(bytes[..PublicKeyLength], checksum);
            if (!checksum.SequenceEqual(bytes.Slice(PublicKeyLength, 2)))
            {
                return OnionAddressError.BadChecksum;
            }
        }

        return OnionAddressError.None;
    }

    /// <summary>Builds the 35 address bytes of an ed25519 public key; needs SHA3-256.</summary>
    public static byte[] FromPublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != PublicKeyLength)
        {
            throw new ArgumentException("an ed25519 public key is 32 bytes", nameof(publicKey));
        }

        var address = new byte[AddressLength];
        publicKey.CopyTo(address);
        ComputeChecksum(publicKey, address.AsSpan(PublicKeyLength, 2));
        address[AddressLength - 1] = Version;
        return address;
    }

    /// <summary>The <c>.onion</c> name of 35 address bytes (lowercase, as Core Lightning prints it).</summary>
    public static string Format(ReadOnlySpan<byte> address)
    {
        if (address.Length != AddressLength)
        {
            throw new ArgumentException("a Tor v3 address is 35 bytes", nameof(address));
        }

        return Base32.Encode(address) + Suffix;
    }

    /// <summary>Writes <c>SHA3-256(".onion checksum" || pubkey || 0x03)[:2]</c> to <paramref name="checksum"/>.</summary>
    public static void ComputeChecksum(ReadOnlySpan<byte> publicKey, Span<byte> checksum)
    {
        if (!SHA3_256.IsSupported)
        {
            throw new PlatformNotSupportedException("SHA3-256 is not available on this platform");
        }

        Span<byte> input = stackalloc byte[15 + PublicKeyLength + 1];
        ChecksumPrefix.CopyTo(input);
        publicKey.CopyTo(input[ChecksumPrefix.Length..]);
        input[^1] = Version;
        Span<byte> hash = stackalloc byte[32];
        SHA3_256.HashData(input, hash);
        hash[..2].CopyTo(checksum);
    }

    /// <summary>Text for an <see cref="OnionAddressError"/>.</summary>
    public static string Describe(OnionAddressError error) => error switch
    {
        OnionAddressError.None => "valid",
        OnionAddressError.InvalidEncoding => "not 56 base32 characters",
        OnionAddressError.UnsupportedVersion => "not a version 3 onion address",
        OnionAddressError.BadChecksum => "onion address checksum mismatch",
        _ => error.ToString(),
    };

    /// <summary>The <c>.onion</c> name of any address bytes (Tor v2's 10 bytes give 16 characters).</summary>
    internal static string FormatAnyLength(ReadOnlySpan<byte> address) => Base32.Encode(address) + Suffix;}
