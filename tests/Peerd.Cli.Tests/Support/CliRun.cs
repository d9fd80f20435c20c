using System.Text;

namespace Peerd.Cli.Tests.Support;

/// <summary>Runs <c>peerd-cli</c> in-process with captured output.</summary>
public static class CliRun
{
    public const int ProcessId = 4242;

    public static (int Exit, string Stdout, string Stderr) Run(string home, params string[] args)
    {
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        var exit = CliApp.Run(args, new CliConsole(stdout, stderr, home, ProcessId));
        return (exit, Encoding.UTF8.GetString(stdout.ToArray()), Encoding.UTF8.GetString(stderr.ToArray()));
    }
}
