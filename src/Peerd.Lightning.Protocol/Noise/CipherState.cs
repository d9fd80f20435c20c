using System.Security.Cryptography;
using Peerd.Crypto;

namespace Peerd.Lightning.Protocol.Noise;

/// <summary>
/// One direction of the transport: a ChaCha20-Poly1305 key, its nonce and the chaining key it rotates with. Holds one
/// cipher object for its lifetime, re-keyed in place at rotation, so a message costs the AEAD calls and nothing else
/// and a rotation allocates nothing.
/// </summary>
internal sealed class CipherState : IDisposable
{
    private Bytes32 _key;
    private Bytes32 _ck;
    private ulong _nonce;
    private readonly ChaCha20Poly1305Cipher _aead;

    /// <summary>Starts a direction with its key (<c>sk</c> or <c>rk</c>) and the handshake's final <c>ck</c>.</summary>
    public CipherState(ReadOnlySpan<byte> key, ReadOnlySpan<byte> chainingKey)
    {
        key.CopyTo(_key);
        chainingKey.CopyTo(_ck);
        _aead = new ChaCha20Poly1305Cipher(_key);
    }

    /// <summary>The current key, for vector checks.</summary>
    internal ReadOnlySpan<byte> Key => _key;

    /// <summary>The current chaining key, for vector checks.</summary>
    internal ReadOnlySpan<byte> ChainingKey => _ck;

    /// <summary>The nonce the next operation uses.</summary>
    internal ulong Nonce => _nonce;

    /// <summary><c>encryptWithAD(k, n, zero-length AD, plaintext)</c>, then advances the nonce.</summary>
    public void Encrypt(ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag)
    {
        Span<byte> nonce = stackalloc byte[NoiseNonce.Length];
        NoiseNonce.Write(nonce, _nonce);
        _aead.Seal(nonce, [], plaintext, ciphertext, tag);
        Advance();
    }

    /// <summary>
    /// <c>decryptWithAD(k, n, zero-length AD, ciphertext)</c>, then advances the nonce; false when the tag fails.
    /// <paramref name="plaintext"/> may be the same memory as <paramref name="ciphertext"/>.
    /// </summary>
    public bool TryDecrypt(ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext)
    {
        Span<byte> nonce = stackalloc byte[NoiseNonce.Length];
        NoiseNonce.Write(nonce, _nonce);
        if (!_aead.TryOpen(nonce, [], ciphertext, tag, plaintext))
        {
            return false;
        }

        Advance();
        return true;
    }

    /// <summary>Wipes the keys and frees the cipher.</summary>
    public void Dispose()
    {
        _aead.Dispose();
        CryptographicOperations.ZeroMemory(_key);
        CryptographicOperations.ZeroMemory(_ck);
    }

    // "A key is to be rotated after a party encrypts or decrypts 1000 times with it (i.e. every 500 messages)":
    // ck', k' = HKDF(ck, k); reset the nonce to 0; k = k'.
    private void Advance()
    {
        if (++_nonce < Bolt8Constants.KeyRotationInterval)
        {
            return;
        }

        NoiseHkdf.Derive(_ck, _key, _ck, _key);
        _nonce = 0;
        _aead.SetKey(_key);
    }
}
