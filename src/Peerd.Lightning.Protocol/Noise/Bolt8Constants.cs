namespace Peerd.Lightning.Protocol.Noise;

/// <summary>
/// Sizes and limits of BOLT #8 (<c>Noise_XK_secp256k1_ChaChaPoly_SHA256</c>), each with its arithmetic.
/// </summary>
public static class Bolt8Constants
{
    /// <summary>Act One: <c>version (1) ‖ e.pub (33) ‖ tag (16)</c> = 50 bytes.</summary>
    public const int ActOneLength = 50;

    /// <summary>Act Two: <c>version (1) ‖ e.pub (33) ‖ tag (16)</c> = 50 bytes.</summary>
    public const int ActTwoLength = 50;

    /// <summary>Act Three: <c>version (1) ‖ encrypted s.pub (33 + 16) ‖ tag (16)</c> = 66 bytes.</summary>
    public const int ActThreeLength = 66;

    /// <summary>The Poly1305 tag appended to every ciphertext.</summary>
    public const int MacLength = 16;

    /// <summary>The big-endian u16 message length that precedes each message.</summary>
    public const int LengthPrefixLength = 2;

    /// <summary>The encrypted length prefix on the wire: <c>2 + 16</c> = 18 bytes.</summary>
    public const int EncryptedLengthPrefixLength = LengthPrefixLength + MacLength;

    /// <summary>"The maximum size of any Lightning message MUST NOT exceed 65535 bytes" (u16 length).</summary>
    public const int MaxMessageLength = ushort.MaxValue;

    /// <summary>The largest packet: <c>18 + 65535 + 16</c> = 65569 bytes.</summary>
    public const int MaxPacketLength = EncryptedLengthPrefixLength + MaxMessageLength + MacLength;

    /// <summary>"A key is to be rotated after a party encrypts or decrypts 1000 times with it (i.e. every 500 messages)."</summary>
    public const int KeyRotationInterval = 1000;

    /// <summary>The only handshake version defined: every act starts with this byte.</summary>
    public const byte HandshakeVersion = 0;

    /// <summary>Length of a compressed secp256k1 public key on the wire.</summary>
    internal const int PublicKeyLength = 33;

    /// <summary>Length of a SHA256 output, the handshake hash <c>h</c> and the chaining key <c>ck</c>.</summary>
    internal const int HashLength = 32;

    /// <summary>Length of a ChaCha20-Poly1305 key.</summary>
    internal const int KeyLength = 32;

    /// <summary>Act Three's encrypted static key: <c>33 + 16</c> = 49 bytes.</summary>
    internal const int EncryptedPublicKeyLength = PublicKeyLength + MacLength;
}
