using System.Buffers.Binary;

namespace Peerd.Lightning.Protocol.Noise;

/// <summary>
/// The receiving direction of a BOLT #8 transport: decrypts the 18-byte length prefix, then the message it announces,
/// rotating its key every 1000 operations. Calls alternate (length, message, length, …); a MAC failure means the
/// connection must be closed, and any later call throws. Not thread-safe: one reader at a time (it is independent
/// of the <see cref="NoiseEncryptor"/>).
/// </summary>
public sealed class NoiseDecryptor : IDisposable
{
    private const int NoPendingMessage = -1;

    private readonly CipherState _cipher;
    private int _pendingLength = NoPendingMessage;
    private bool _failed;

    internal NoiseDecryptor(ReadOnlySpan<byte> key, ReadOnlySpan<byte> chainingKey)
    {
        _cipher = new CipherState(key, chainingKey);
    }

    /// <summary>
    /// The length of the message whose prefix was decrypted and whose body is awaited, or -1 when a length prefix is
    /// expected next.
    /// </summary>
    public int PendingMessageLength => _pendingLength;

    /// <summary>The state behind this direction, for vector checks.</summary>
    internal CipherState Cipher => _cipher;

    /// <summary>Decrypts a length prefix: "lc = read 18 bytes; l = decryptWithAD(rk, rn, zero, lc)".</summary>
    /// <param name="encryptedLengthPrefix">Exactly <see cref="Bolt8Constants.EncryptedLengthPrefixLength"/> bytes.</param>
    /// <param name="messageLength">The length of the message that follows (0 to 65535).</param>
    /// <returns>False when the MAC fails: "the receiving node MUST fail the connection".</returns>
    /// <exception cref="InvalidOperationException">A message body is awaited, or an earlier MAC failed.</exception>
    /// <exception cref="ArgumentException">The input is not 18 bytes.</exception>
    public bool TryDecryptLength(ReadOnlySpan<byte> encryptedLengthPrefix, out int messageLength)
    {
        messageLength = 0;
        ThrowIfFailed();
        if (_pendingLength != NoPendingMessage)
        {
            throw new InvalidOperationException($"a {_pendingLength}-byte message body is expected, not a length prefix");
        }

        if (encryptedLengthPrefix.Length != Bolt8Constants.EncryptedLengthPrefixLength)
        {
            throw new ArgumentException($"a length prefix is {Bolt8Constants.EncryptedLengthPrefixLength} bytes", nameof(encryptedLengthPrefix));
        }

        Span<byte> l = stackalloc byte[Bolt8Constants.LengthPrefixLength];
        if (!_cipher.TryDecrypt(encryptedLengthPrefix[..Bolt8Constants.LengthPrefixLength], encryptedLengthPrefix[Bolt8Constants.LengthPrefixLength..], l))
        {
            _failed = true;
            return false;
        }

        messageLength = _pendingLength = BinaryPrimitives.ReadUInt16BigEndian(l);
        return true;
    }

    /// <summary>Decrypts the message announced by the last length prefix: "m = decryptWithAD(rk, rn, zero, c)".</summary>
    /// <param name="encryptedMessage">Exactly <c>messageLength + 16</c> bytes.</param>
    /// <param name="message">Receives the <c>messageLength</c> plaintext bytes.</param>
    /// <returns>False when the MAC fails: "the receiving node MUST fail the connection".</returns>
    /// <exception cref="InvalidOperationException">No length prefix was decrypted, or an earlier MAC failed.</exception>
    /// <exception cref="ArgumentException">The input length does not match the prefix, or <paramref name="message"/> is too small.</exception>
    public bool TryDecryptMessage(ReadOnlySpan<byte> encryptedMessage, Span<byte> message)
    {
        if (encryptedMessage.Length < Bolt8Constants.MacLength)
        {
            throw new ArgumentException($"an encrypted message is at least its {Bolt8Constants.MacLength}-byte MAC", nameof(encryptedMessage));
        }

        var length = encryptedMessage.Length - Bolt8Constants.MacLength;
        return TryDecryptMessage(encryptedMessage[..length], encryptedMessage[length..], message);
    }

    /// <summary>Wipes the key and frees the cipher.</summary>
    public void Dispose() => _cipher.Dispose();

    /// <summary>
    /// <see cref="TryDecryptMessage(ReadOnlySpan{byte}, Span{byte})"/> with the ciphertext and tag apart, for a body
    /// that arrived in pieces; <paramref name="ciphertext"/> may be <paramref name="message"/> itself (decrypt in place).
    /// </summary>
    internal bool TryDecryptMessage(ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> message)
    {
        ThrowIfFailed();
        if (_pendingLength == NoPendingMessage)
        {
            throw new InvalidOperationException("a length prefix must be decrypted before its message");
        }

        if (ciphertext.Length != _pendingLength || tag.Length != Bolt8Constants.MacLength)
        {
            throw new ArgumentException($"the message is {_pendingLength} + {Bolt8Constants.MacLength} bytes, not {ciphertext.Length} + {tag.Length}", nameof(ciphertext));
        }

        if (message.Length < _pendingLength)
        {
            throw new ArgumentException($"the message needs {_pendingLength} bytes, not {message.Length}", nameof(message));
        }

        if (!_cipher.TryDecrypt(ciphertext, tag, message[.._pendingLength]))
        {
            _failed = true;
            return false;
        }

        _pendingLength = NoPendingMessage;
        return true;
    }

    private void ThrowIfFailed()
    {
        if (_failed)
        {
            throw new InvalidOperationException("a MAC failed earlier: the connection must be closed");
        }
    }
}
