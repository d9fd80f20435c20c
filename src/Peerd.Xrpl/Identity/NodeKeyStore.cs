using System.Security.Cryptography;
using System.Text;
using Peerd.Primitives;
using Peerd.Xrpl.Protocol.Identity;

namespace Peerd.Xrpl.Identity;

/// <summary>
/// Keeps the node's family seed in the data directory (file <see cref="FileName"/>, one <c>s…</c> line, mode 0600),
/// like rippled keeps a generated node seed in its wallet database. The file is written once, atomically
/// (<see cref="DurableFile"/>: temporary file, fsync, rename, fsync of the directory), and never overwritten: a file that cannot be read stops start-up.
/// </summary>
public static class NodeKeyStore
{
    /// <summary>Name of the seed file inside the data directory.</summary>
    public const string FileName = "xrpl-node-seed";

    /// <summary>Where the seed came from.</summary>
    public enum Source
    {
        /// <summary>Given on the command line (<c>xrpl-node-seed</c>); nothing is written.</summary>
        Configured,

        /// <summary>Read from the data directory.</summary>
        Loaded,

        /// <summary>Generated now and written to the data directory.</summary>
        Created,
    }

    /// <summary>Loads the seed file, or creates it with fresh CSPRNG entropy; returns the derived identity.</summary>
    /// <exception cref="InvalidDataException">The file exists but does not hold a family seed.</exception>
    public static NodeIdentity LoadOrCreate(string dataDirectory, FamilySeed? configured, out Source source, out string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        path = Path.Combine(dataDirectory, FileName);
        if (configured is not null)
        {
            source = Source.Configured;
            return NodeIdentity.FromSeed(configured);
        }

        if (File.Exists(path))
        {
            source = Source.Loaded;
            return NodeIdentity.FromSeed(Read(path));
        }

        // Owner-only, like the rest of the data directory: it holds the seed.
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dataDirectory);
        }
        else
        {
            Directory.CreateDirectory(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var entropy = RandomNumberGenerator.GetBytes(FamilySeed.Length);
        var seed = FamilySeed.FromBytes(entropy);
        CryptographicOperations.ZeroMemory(entropy);
        if (!TryWriteNew(path, seed))
        {
            // Another process created it first: use theirs.
            source = Source.Loaded;
            return NodeIdentity.FromSeed(Read(path));
        }

        source = Source.Created;
        return NodeIdentity.FromSeed(seed);
    }

    /// <summary>True when the file can be read or written by group or others (a warning, not an error).</summary>
    public static bool IsTooOpen(string path) =>
        !OperatingSystem.IsWindows()
        && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0;

    private static FamilySeed Read(string path)
    {
        var text = File.ReadAllText(path, Encoding.ASCII).Trim();
        return FamilySeed.TryParse(text, out var seed)
            ? seed
            : throw new InvalidDataException($"{path} does not hold an XRPL family seed (s…); move it away to generate a new node key");
    }

    private static bool TryWriteNew(string path, FamilySeed seed)
    {
        try
        {
            DurableFile.Write(path, Encoding.ASCII.GetBytes(seed.ToBase58() + "\n"), overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: the caller reads that one.
            return false;
        }
    }
}
