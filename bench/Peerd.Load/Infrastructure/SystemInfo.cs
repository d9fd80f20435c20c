using System.Globalization;

namespace Peerd.Load.Infrastructure;

/// <summary>Facts about the machine the run happens on.</summary>
internal static class SystemInfo
{
    /// <summary>This process's soft limit on open files (from <c>/proc/self/limits</c>).</summary>
    public static long OpenFileLimit()
    {
        foreach (var line in File.ReadLines("/proc/self/limits"))
        {
            if (line.StartsWith("Max open files", StringComparison.Ordinal))
            {
                var fields = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return fields[0] == "unlimited" ? long.MaxValue : long.Parse(fields[0], CultureInfo.InvariantCulture);
            }
        }

        return 1024;
    }

    /// <summary>The 1, 5 and 15-minute load averages.</summary>
    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
