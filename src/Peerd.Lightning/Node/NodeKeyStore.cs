using System.Security.Cryptography;
using Peerd.Crypto;

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
        WriteAtomically(path, key.PrivateKey);
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

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> with mode 0600, atomically and durably.</summary>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> content)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: false);
            FsyncDirectory(directory);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static void FsyncDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // Makes the rename itself durable: without it a power loss can forget the new directory entry.
        using var handle = File.OpenHandle(directory, FileMode.Open, FileAccess.Read);
        RandomAccess.FlushToDisk(handle);
    }
}
