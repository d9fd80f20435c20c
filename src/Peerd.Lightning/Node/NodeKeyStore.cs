using System.Security.Cryptography;
using Peerd.Crypto;
using Peerd.Primitives;

namespace Peerd.Lightning.Node;

/// <summary>
/// The node's secret key on disk: created on first start (32 random bytes, mode 0600, written to a temporary file,
/// flushed and renamed, so a crash leaves either no key or a whole one), read on every later start.
/// </summary>
public static class NodeKeyStore
{
    /// <summary>The file name, in the network's directory.</summary>
    public const string FileName = "node_secret";

    /// <summary>Loads the key at <paramref name="path"/>, creating it if absent.</summary>
    /// <exception cref="InvalidDataException">The file exists but does not hold a valid key.</exception>
    public static StaticKey LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Load(path);
        }

        var key = StaticKey.Generate();
        DurableFile.Write(path, key.PrivateKey, overwrite: false);
        return key;
    }

    private static StaticKey Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        try
        {
            if (!Secp256k1.IsValidPrivateKey(bytes))
            {
                throw new InvalidDataException(
                    $"{path}: not a 32-byte secp256k1 secret ({bytes.Length} bytes); move it away to create a new node id");
            }

            return new StaticKey(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }
}
