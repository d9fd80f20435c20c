using System.Runtime.InteropServices;

namespace Peerd.Lightning.Gossip;

/// <summary>
/// <c>fsync</c> on a directory, which makes a rename in it durable. .NET refuses to open a directory as a file
/// (<see cref="File.OpenHandle"/> throws "Access to the path is denied"), so this goes to libc:
/// <c>open(dir, O_RDONLY)</c> (which POSIX allows on a directory), <c>fsync</c>, <c>close</c>. A file system that cannot sync directories
/// (<c>EINVAL</c>) is not an error.
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0;
    private const int InvalidArgument = 22;

    /// <summary>Syncs <paramref name="directory"/>; no-op on Windows.</summary>
    public static void Fsync(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        int fd = Open(directory, ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"cannot open directory {directory} to sync it (errno {Marshal.GetLastPInvokeError()})");
        }

        try
        {
            if (FsyncDescriptor(fd) != 0 && Marshal.GetLastPInvokeError() != InvalidArgument)
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
    private static partial int FsyncDescriptor(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
