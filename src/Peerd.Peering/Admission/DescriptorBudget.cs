using System.Globalization;
using System.Net.Sockets;
namespace Peerd.Peering.Admission;

/// <summary>
/// How many peer sockets the process can hold: its soft <c>RLIMIT_NOFILE</c> (read from <c>/proc/self/limits</c>)
/// minus the descriptors already open when the manager starts minus a reserve for everything else (RPC clients,
/// files, the other network's node). Reaching it, or an <c>EMFILE</c>/<c>ENFILE</c> from the kernel, is descriptor pressure.
/// </summary>
public static class DescriptorBudget
{
    /// <summary>The socket budget for <paramref name="limits"/>: its override, or the computed one.</summary>
    /// <param name="limits">The limits.</param>
    /// <param name="softLimit">The process's descriptor limit.</param>
    /// <param name="open">Descriptors open now.</param>
    public static int Compute(AdmissionLimits limits, out long softLimit, out int open)
    {
        ArgumentNullException.ThrowIfNull(limits);
        softLimit = SoftLimit();
        open = OpenDescriptors();
        return limits.SocketBudget ?? (int)Math.Clamp(softLimit - open - limits.DescriptorReserve, 0, int.MaxValue);
    }

    /// <summary>The soft limit on open descriptors, or <see cref="int.MaxValue"/> when unknown or unlimited.</summary>
    public static long SoftLimit()
    {
        try
        {
            // "Max open files            20000                20000                files"
            foreach (var line in File.ReadLines("/proc/self/limits"))
            {
                if (line.StartsWith("Max open files", StringComparison.Ordinal))
                {
                    var fields = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    return long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var soft) ? soft : int.MaxValue;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return int.MaxValue;
    }

    /// <summary>Descriptors open now (entries of <c>/proc/self/fd</c>), or 0 when that cannot be read.</summary>
    public static int OpenDescriptors()
    {
        try
        {
            return Directory.GetFileSystemEntries("/proc/self/fd").Length;
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>
    /// True when <paramref name="exception"/> is the kernel refusing a descriptor: <c>EMFILE</c> (this process's
    /// limit) or <c>ENFILE</c> (the system's), both <see cref="SocketError.TooManyOpenSockets"/> in .NET.
    /// </summary>
    public static bool IsExhaustion(Exception? exception) => exception switch
    {
        null => false,
        SocketException s => s.SocketErrorCode == SocketError.TooManyOpenSockets,
        _ => IsExhaustion(exception.InnerException),
    };
}
