namespace Peerd.Cli;

/// <summary>Entry point of <c>peerd-cli</c>.</summary>
public static class Program
{
    /// <summary>Runs the command line against the process's console; the exit code is <see cref="ExitCodes"/>'.</summary>
    public static int Main(string[] args) => CliApp.Run(args, CliConsole.Process());
}
