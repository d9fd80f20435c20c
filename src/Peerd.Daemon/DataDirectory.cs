namespace Peerd.Daemon;

/// <summary>
/// The data directory and its network subdirectory, created with mode 0700, and the lock that keeps a second
/// daemon off the same directory (an advisory <c>flock</c> held for the process's lifetime).
/// </summary>
public sealed class DataDirectory : IDisposable
{
    /// <summary>The lock file's name in the network directory (held with an exclusive advisory lock).</summary>
    public const string LockFileName = "peerd.lock";

    /// <summary>The file naming the process that holds the lock.</summary>
    public const string PidFileName = "peerd.pid";

    private readonly FileStream _lock;

    private DataDirectory(string root, string networkDirectory, FileStream lockFile)
    {
        Root = root;
        NetworkDirectory = networkDirectory;
        _lock = lockFile;
    }

    /// <summary>The data directory.</summary>
    public string Root { get; }

    /// <summary>The network's directory inside it.</summary>
    public string NetworkDirectory { get; }

    /// <summary>Creates the directories if needed and takes the lock.</summary>
    /// <exception cref="InvalidOperationException">Another daemon holds the lock; the message says which directory.</exception>
    public static DataDirectory Open(string root, string networkDirectory)
    {
        CreatePrivate(root);
        CreatePrivate(networkDirectory);
        var path = Path.Combine(networkDirectory, LockFileName);
        FileStream stream;
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            stream = new FileStream(path, options);
        }
        catch (IOException)
        {
            var holder = TryReadPid(Path.Combine(networkDirectory, PidFileName));
            throw new InvalidOperationException(
                $"another peerd is already running on {networkDirectory}{(holder is null ? "" : $" (pid {holder})")}; lock file {path}");
        }

        Peerd.Primitives.DurableFile.Write(
            Path.Combine(networkDirectory, PidFileName), System.Text.Encoding.ASCII.GetBytes($"{Environment.ProcessId}\n"), overwrite: true);
        return new DataDirectory(root, networkDirectory, stream);
    }

    private static string? TryReadPid(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Creates <paramref name="path"/> (and its parents) readable by the owner alone.</summary>
    internal static void CreatePrivate(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        File.Delete(Path.Combine(NetworkDirectory, PidFileName));
        _lock.Dispose();
    }
}
