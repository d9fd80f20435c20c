using System.Runtime.InteropServices;

namespace Peerd.Cli.Build;

/// <summary>
/// Hands a call back to the <c>./peerd-cli</c> wrapper when the client finds its build out of date: the wrapper then
/// rebuilds (its slow path, told by <see cref="StaleVariable"/>) and starts the new client with the same arguments.
/// The process image is replaced (<c>execv</c>), so the caller sees one command with one exit code.
/// </summary>
internal static partial class Relauncher
{
    /// <summary>Set by the wrapper when it starts the client with the client's own freshness check: the repository root.</summary>
    public const string RootVariable = "PEERD_CLI_ROOT";

    /// <summary>Set by the client for the wrapper: the build is out of date, rebuild before starting the client.</summary>
    public const string StaleVariable = "PEERD_CLI_STALE";

    /// <summary>The build directory under the repository root.</summary>
    public static string BuildDirectory(string root) => Path.Combine(root, "artifacts", "peerd-cli");

    /// <summary>
    /// When started by the wrapper (<see cref="RootVariable"/> set) from an out-of-date build, replaces this process
    /// with the wrapper; returns only when there is nothing to do, or with the error text when the wrapper could not
    /// be started.
    /// </summary>
    public static string? RelaunchIfStale(IReadOnlyList<string> args)
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(RootVariable) is not { Length: > 0 } root)
        {
            return null;
        }

        if (BuildFreshness.IsCurrent(root, BuildDirectory(root), LastWriteUtc, ReadText))
        {
            return null;
        }

        var wrapper = Path.Combine(root, "peerd-cli");
        var argv = new nint[args.Count + 2];
        try
        {
            argv[0] = Marshal.StringToCoTaskMemUTF8(wrapper);
            for (var i = 0; i < args.Count; i++)
            {
                argv[i + 1] = Marshal.StringToCoTaskMemUTF8(args[i]);
            }

            if (SetEnv(StaleVariable, "1", 1) != 0)
            {
                return Marshal.GetLastPInvokeErrorMessage();
            }

            Execv(wrapper, argv);
            return Marshal.GetLastPInvokeErrorMessage();
        }
        finally
        {
            foreach (var pointer in argv)
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }
    }

    private static DateTime? LastWriteUtc(string path)
    {
        var time = File.GetLastWriteTimeUtc(path);
        return time == DateTime.FromFileTimeUtc(0) ? null : time;
    }

    private static string? ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "execv", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Execv(string path, nint[] argv);
}
