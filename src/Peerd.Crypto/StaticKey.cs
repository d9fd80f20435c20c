using System.Security.Cryptography;

namespace Peerd.Crypto;

/// <summary>An in-memory secp256k1 key pair.</summary>
public sealed class StaticKey : IStaticKey
{
    private readonly byte[] _privateKey;
    private readonly byte[] _publicKey;

    /// <summary>Wraps an existing 32-byte private key; throws <see cref="ArgumentException"/> if it is not valid.</summary>
    public StaticKey(ReadOnlySpan<byte> privateKey)
    {
        if (!Secp256k1.IsValidPrivateKey(privateKey))
        {
            throw new ArgumentException("not a valid secp256k1 private key", nameof(privateKey));
        }

        _privateKey = privateKey.ToArray();
        _publicKey = Secp256k1.CreatePublicKey(privateKey);
    }

    /// <summary>Creates a key from the operating system's CSPRNG.</summary>
    public static StaticKey Generate()
    {
        Span<byte> secret = stackalloc byte[Secp256k1.PrivateKeyLength];
        while (true)
        {
            RandomNumberGenerator.Fill(secret);
            if (Secp256k1.IsValidPrivateKey(secret))
            {
                var key = new StaticKey(secret);
                CryptographicOperations.ZeroMemory(secret);
                return key;
            }
        }
    }

    /// <summary>Fills <paramref name="privateKey"/> with a fresh valid secret from the CSPRNG (for ephemeral keys).</summary>
    public static void GeneratePrivateKey(Span<byte> privateKey)
    {
        do
        {
            RandomNumberGenerator.Fill(privateKey[..Secp256k1.PrivateKeyLength]);
        }
        while (!Secp256k1.IsValidPrivateKey(privateKey[..Secp256k1.PrivateKeyLength]));
    }

    /// <inheritdoc />
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>The secret, for persisting it; never log it.</summary>
    public ReadOnlySpan<byte> PrivateKey => _privateKey;

    /// <inheritdoc />
    public bool TryEcdh(ReadOnlySpan<byte> remotePublicKey, Span<byte> sharedSecret) =>
        Secp256k1.TryEcdh(_privateKey, remotePublicKey, sharedSecret);

    /// <inheritdoc />
    public bool TryEcdh(in Secp256k1PublicKey remotePublicKey, Span<byte> sharedSecret) =>
        Secp256k1.TryEcdh(_privateKey, remotePublicKey, sharedSecret);

    /// <inheritdoc />
    public bool TrySignCompact(ReadOnlySpan<byte> digest, Span<byte> signature) =>
        Secp256k1.TrySignCompact(digest, _privateKey, signature);

    /// <inheritdoc />
    public int SignDer(ReadOnlySpan<byte> digest, Span<byte> signature) => Secp256k1.SignDer(digest, _privateKey, signature);
}
