using System.Buffers.Binary;

namespace Peerd.Lightning.Protocol.Noise;

/// <summary>
/// The sending direction of a BOLT #8 transport: turns a Lightning message into a packet
/// <c>encrypted length (2 + 16) ‖ encrypted message (len + 16)</c>, rotating its key every 1000 operations. Not
/// thread-safe: one writer at a time (it is independent of the <see cref="NoiseDecryptor"/>).
/// </summary>
public sealed class NoiseEncryptor : IDisposable
{
    private readonly CipherState _cipher;

    internal NoiseEncryptor(ReadOnlySpan<byte> key, ReadOnlySpan<byte> chainingKey)
    {
        _cipher = new CipherState(key, chainingKey);
    }

    /// <summary>The state behind this direction, for vector checks.</summary>
    internal CipherState Cipher => _cipher;

    /// <summary>The packet size for a message: <c>18 + messageLength + 16</c>.</summary>
    public static int PacketLength(int messageLength) =>
        Bolt8Constants.EncryptedLengthPrefixLength + messageLength + Bolt8Constants.MacLength;

    /// <summary>Encrypts one message into <paramref name="packet"/>.</summary>
    /// <returns>The bytes written, <see cref="PacketLength(int)"/> of the message length.</returns>
    /// <exception cref="ArgumentException">
    /// The message is longer than 65535 bytes, or <paramref name="packet"/> is too small.
    /// </exception>
    public int Encrypt(ReadOnlySpan<byte> message, Span<byte> packet)
    {
        // "The maximum size of any Lightning message MUST NOT exceed 65535 bytes."
        if (message.Length > Bolt8Constants.MaxMessageLength)
        {
            throw new ArgumentException($"a Lightning message is at most {Bolt8Constants.MaxMessageLength} bytes, not {message.Length}", nameof(message));
        }

        var length = PacketLength(message.Length);
        if (packet.Length < length)
        {
            throw new ArgumentException($"the packet needs {length} bytes, not {packet.Length}", nameof(packet));
        }

        // "Let the length of the message be l ... serialized into a 2-byte big-endian integer"; lc = encryptWithAD(sk, sn, zero, l)
        Span<byte> l = stackalloc byte[Bolt8Constants.LengthPrefixLength];
        BinaryPrimitives.WriteUInt16BigEndian(l, (ushort)message.Length);
        _cipher.Encrypt(l, packet[..Bolt8Constants.LengthPrefixLength], packet[Bolt8Constants.LengthPrefixLength..Bolt8Constants.EncryptedLengthPrefixLength]);

        // c = encryptWithAD(sk, sn, zero, m); "Send lc || c over the network buffer."
        var body = packet[Bolt8Constants.EncryptedLengthPrefixLength..length];
        _cipher.Encrypt(message, body[..message.Length], body[message.Length..]);
        return length;
    }

    /// <summary>Wipes the key and frees the cipher.</summary>
    public void Dispose() => _cipher.Dispose();
}
