using System.Runtime.InteropServices;

namespace Peerd.Cli;

/// <summary>
/// Replaces this process with <c>peerd-cli-xrpl</c> from the same directory (<c>execv(2)</c>): the same process id,
/// standard streams and exit code as if <c>peerd-cli</c> had run the call itself.
/// </summary>
public static partial class XrplLauncher
{
    /// <summary>The XRPL admin client's file name, beside <c>peerd-cli</c>.</summary>
    public const string FileName = "peerd-cli-xrpl";

    /// <summary>Runs <see cref="FileName"/> with <paramref name="args"/>; returns only when it cannot (the error is printed).</summary>
    public static int Exec(IReadOnlyList<string> args, CliConsole console) => Exec(AppContext.BaseDirectory, args, console);

    /// <summary>Runs <see cref="FileName"/> from <paramref name="directory"/>; returns only when it cannot (the error is printed).</summary>
    public static int Exec(string directory, IReadOnlyList<string> args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var path = Path.Combine(directory, FileName);
        var argv = new nint[args.Count + 2];
        try
        {
            argv[0] = Marshal.StringToCoTaskMemUTF8(path);
            for (var i = 0; i < args.Count; i++)
            {
                argv[i + 1] = Marshal.StringToCoTaskMemUTF8(args[i]);
            }

            NativeExec(path, argv);
            console.Error($"cannot run {path}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
            return ExitCodes.TalkFailed;
        }
        finally
        {
            foreach (var pointer in argv)
            {
                Marshal.FreeCoTaskMem(pointer);
            }

            console.Stderr.Flush();
        }
    }

    [LibraryImport("libc", EntryPoint = "execv", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NativeExec(string path, nint[] argv);
}
