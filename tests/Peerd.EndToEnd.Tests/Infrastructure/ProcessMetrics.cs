using System.Globalization;

namespace Peerd.EndToEnd.Tests.Infrastructure;

/// <summary>What the kernel says about a process (<c>/proc/&lt;pid&gt;</c>): memory and open descriptors.</summary>
public static class ProcessMetrics
{
    /// <summary>Resident set size now (<c>VmRSS</c>), in bytes.</summary>
    public static long RssBytes(int pid) => StatusKilobytes(pid, "VmRSS:") * 1024;

    /// <summary>The highest resident set size so far (<c>VmHWM</c>), in bytes.</summary>
    public static long PeakRssBytes(int pid) => StatusKilobytes(pid, "VmHWM:") * 1024;

    /// <summary>Open descriptors now (entries of <c>/proc/&lt;pid&gt;/fd</c>).</summary>
    public static int OpenDescriptors(int pid) => Directory.GetFileSystemEntries($"/proc/{pid}/fd").Length;

    /// <summary>Bytes as MiB with one decimal, for report lines.</summary>
    public static string Mib(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";

    private static long StatusKilobytes(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                // "VmRSS:	   48592 kB"
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"{field} not in /proc/{pid}/status");
    }
}
