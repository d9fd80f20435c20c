using System.Runtime.InteropServices;

namespace Peerd.Primitives;

/// <summary>
/// Crash-safe file replacement, as Core Lightning writes <c>hsm_secret</c>: write a temporary file, flush it to
/// disk, rename it over the target, then flush the directory so the rename itself survives a power loss.
/// </summary>
public static partial class DurableFile
{
    /// <summary>Owner read/write only.</summary>
    public const UnixFileMode PrivateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> atomically and durably with <paramref name="mode"/>.</summary>
    /// <param name="path">The target; replaced if <paramref name="overwrite"/>, else the call fails if it exists.</param>
    /// <param name="content">The bytes.</param>
    /// <param name="overwrite">Whether an existing file is replaced.</param>
    /// <param name="mode">The file's permissions (ignored on Windows).</param>
    public static void Write(string path, ReadOnlySpan<byte> content, bool overwrite, UnixFileMode mode = PrivateMode)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        try
        {
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite);
            FlushDirectory(directory);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Flushes a directory's entries to disk (fsync on the directory); a no-op on Windows.</summary>
    public static void FlushDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // .NET cannot open a directory as a file handle, so this goes to libc: open(O_RDONLY|O_DIRECTORY), fsync.
        const int ReadOnlyDirectory = 0x10000; // O_RDONLY (0) | O_DIRECTORY (0200000 octal on Linux)
        var fd = Open(directory, ReadOnlyDirectory);
        if (fd < 0)
        {
            throw new IOException($"cannot open directory {directory} to flush it (errno {Marshal.GetLastPInvokeError()})");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"fsync of directory {directory} failed (errno {Marshal.GetLastPInvokeError()})");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
