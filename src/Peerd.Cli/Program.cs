using Peerd.Cli.Build;

namespace Peerd.Cli;

/// <summary>Entry point of <c>peerd-cli</c>.</summary>
public static class Program
{
    /// <summary>Runs the command line against the process's console; the exit code is <see cref="ExitCodes"/>'.</summary>
    public static int Main(string[] args)
    {
        // Started by ./peerd-cli from a build older than its sources: the wrapper rebuilds and runs the call again.
        if (Relauncher.RelaunchIfStale(args) is { } failure)
        {
            Console.Error.WriteLine($"peerd-cli: the build is older than its sources and ./peerd-cli could not be started to rebuild it: {failure}");
            return ExitCodes.TalkFailed;
        }

        return CliApp.Run(args, CliConsole.Process());
    }
}
