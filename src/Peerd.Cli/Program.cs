using System.Runtime.CompilerServices;

namespace Peerd.Cli;

/// <summary>Entry point of <c>peerd-cli</c>, the Core Lightning-style client.</summary>
public static class Program
{
    /// <summary>
    /// Runs the command line against the process's console; the exit code is <see cref="ExitCodes"/>'. <c>peerd-cli
    /// xrpl …</c> becomes the XRPL admin client beside this executable (<see cref="XrplLauncher"/>); a build that
    /// compiles at run time (<c>dotnet run</c>) has both clients in one assembly and runs it here.
    /// </summary>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == CliApp.XrplCommand)
        {
            // A constant in a native build: the XRPL client's code is then not part of this executable.
            return RuntimeFeature.IsDynamicCodeSupported
                ? CliApp.RunXrpl(args[1..], CliConsole.Process())
                : XrplLauncher.Exec(args[1..], CliConsole.Process());
        }

        return CliApp.RunLightning(args, CliConsole.Process());
    }
}
