using System.Globalization;
using System.Runtime.InteropServices;

namespace Peerd.Daemon.Logging;

/// <summary>
/// Whether standard output is connected to systemd's journal. systemd sets <c>$JOURNAL_STREAM</c> to
/// <c>device:inode</c> of the stream it connected, and a program must compare it with its own descriptor
/// (<c>systemd.exec(5)</c>): the variable alone is inherited by children whose output goes elsewhere.
/// </summary>
public static partial class JournalStream
{
    /// <summary>The environment variable systemd sets.</summary>
    public const string Variable = "JOURNAL_STREAM";

    private const int StandardOutput = 1;

    /// <summary>True when <c>$JOURNAL_STREAM</c> names the file that descriptor 1 is.</summary>
    public static bool IsStandardOutput() => Matches(Environment.GetEnvironmentVariable(Variable), StandardOutput);

    /// <summary>True when <paramref name="value"/> (<c>device:inode</c>, decimal) names the file open as <paramref name="descriptor"/>.</summary>
    public static bool Matches(string? value, int descriptor)
    {
        if (string.IsNullOrEmpty(value) || !OperatingSystem.IsLinux())
        {
            return false;
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0
            || !ulong.TryParse(value.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var device)
            || !ulong.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var inode))
        {
            return false;
        }

        return TryIdentify(descriptor, out var actualDevice, out var actualInode) && actualDevice == device && actualInode == inode;
    }

    private static unsafe bool TryIdentify(int descriptor, out ulong device, out ulong inode)
    {
        device = inode = 0;

        // struct stat on 64-bit Linux (x86-64's own layout and the generic one of arm64 alike) begins with
        // dev_t st_dev (8 bytes) then ino_t st_ino (8 bytes); the whole struct is 144 bytes on x86-64 and 128 on
        // arm64, so 256 bytes hold it.
        if (!Environment.Is64BitProcess)
        {
            return false;
        }

        var buffer = stackalloc ulong[32];
        try
        {
            if (Fstat(descriptor, buffer) != 0)
            {
                return false;
            }
        }
        catch (EntryPointNotFoundException)
        {
            // glibc before 2.33 exports fstat only as __fxstat: treat the stream as a plain one.
            return false;
        }

        device = buffer[0];
        inode = buffer[1];
        return true;
    }

    [LibraryImport("libc", EntryPoint = "fstat")]
    private static unsafe partial int Fstat(int descriptor, ulong* buffer);
}
