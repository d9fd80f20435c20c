using System.Globalization;

namespace Peerd.Load.Infrastructure;

/// <summary>A process's resident memory and CPU time, read from <c>/proc/&lt;pid&gt;/status</c> and <c>/proc/&lt;pid&gt;/stat</c>.</summary>
/// <param name="RssBytes">VmRSS.</param>
/// <param name="CpuSeconds">utime + stime.</param>
/// <param name="Threads">Threads.</param>
/// <param name="At">When it was read (Stopwatch timestamp).</param>
internal readonly record struct ProcStats(long RssBytes, double CpuSeconds, int Threads, long At)
{
    /// <summary>Clock ticks per second of <c>/proc/&lt;pid&gt;/stat</c> times (<c>sysconf(_SC_CLK_TCK)</c>, 100 on Linux).</summary>
    private const double ClockTicksPerSecond = 100;

    /// <summary>Reads the stats of process <paramref name="pid"/>.</summary>
    public static ProcStats Read(int pid)
    {
        long rss = 0;
        var threads = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = 1024 * long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("Threads:", StringComparison.Ordinal))
            {
                threads = int.Parse(line.AsSpan(8).Trim(), CultureInfo.InvariantCulture);
            }
        }

        // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return new ProcStats(rss, ticks / ClockTicksPerSecond, threads, System.Diagnostics.Stopwatch.GetTimestamp());
    }

    /// <summary>CPU used between two readings, in percent of one core.</summary>
    public static double CpuPercent(ProcStats from, ProcStats to)
    {
        var wall = System.Diagnostics.Stopwatch.GetElapsedTime(from.At, to.At).TotalSeconds;
        return wall <= 0 ? 0 : 100 * (to.CpuSeconds - from.CpuSeconds) / wall;
    }
}
