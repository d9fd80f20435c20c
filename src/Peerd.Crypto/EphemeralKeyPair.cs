using System.Security.Cryptography;

namespace Peerd.Crypto;

/// <summary>
/// A secp256k1 key pair made for one use, such as a BOLT 8 ephemeral key. Making one (a CSPRNG draw and a public-key
/// multiplication, ≈ 16 µs) can happen ahead of time, off a latency-critical path; the secret leaves the pair exactly
/// once (<see cref="TakePrivateKey"/>) and is wiped from it as it does.
/// </summary>
public sealed class EphemeralKeyPair
{
    private readonly byte[] _privateKey = new byte[Secp256k1.PrivateKeyLength];
    private readonly byte[] _publicKey = new byte[Secp256k1.PublicKeyLength];
    private int _taken;

    private EphemeralKeyPair()
    {
    }

    /// <summary>The 33-byte compressed public key.</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>Whether the secret has been taken (the pair is spent).</summary>
    public bool IsTaken => Volatile.Read(ref _taken) != 0;

    /// <summary>A fresh pair from the operating system's CSPRNG.</summary>
    public static EphemeralKeyPair Generate()
    {
        var pair = new EphemeralKeyPair();
        StaticKey.GeneratePrivateKey(pair._privateKey);
        if (!Secp256k1.TryCreatePublicKey(pair._privateKey, pair._publicKey))
        {
            throw new CryptographicException("a validated secp256k1 secret has no public key");
        }

        return pair;
    }

    /// <summary>A pair from a given secret (for test vectors); throws <see cref="ArgumentException"/> if it is not valid.</summary>
    public static EphemeralKeyPair FromPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        var pair = new EphemeralKeyPair();
        if (!Secp256k1.TryCreatePublicKey(privateKey, pair._publicKey))
        {
            throw new ArgumentException("not a valid secp256k1 private key", nameof(privateKey));
        }

        privateKey.CopyTo(pair._privateKey);
        return pair;
    }

    /// <summary>Copies the 32-byte secret into <paramref name="destination"/> and wipes it here.</summary>
    /// <exception cref="InvalidOperationException">The secret was already taken: an ephemeral key is used once.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 32 bytes.</exception>
    public void TakePrivateKey(Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Secp256k1.PrivateKeyLength, nameof(destination));
        if (Interlocked.Exchange(ref _taken, 1) != 0)
        {
            throw new InvalidOperationException("this ephemeral key was already used");
        }

        _privateKey.CopyTo(destination);
        CryptographicOperations.ZeroMemory(_privateKey);
    }
}
