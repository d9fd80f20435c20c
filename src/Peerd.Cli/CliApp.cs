using Peerd.Cli.Lightning;
using Peerd.Cli.Xrpl;

namespace Peerd.Cli;

/// <summary>
/// <c>peerd-cli</c>: <c>peerd-cli xrpl …</c> speaks rippled's admin API; anything else is a Core Lightning-style
/// call over the <c>lightning-rpc</c> socket. The native build is two executables, one per network's client
/// (<see cref="Program"/> and <see cref="XrplProgram"/>), so that a Lightning call does not start the XRPL client's code.
/// </summary>
public static class CliApp
{
    /// <summary>The first argument that selects the XRPL admin client.</summary>
    public const string XrplCommand = "xrpl";

    /// <summary>The version printed by <c>--version</c>.</summary>
    public static string Version => typeof(CliApp).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Runs the command line in this process, either client; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(IReadOnlyList<string> args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Count > 0 && args[0] == XrplCommand ? RunXrpl(Tail(args), console) : RunLightning(args, console);
    }

    /// <summary>Runs a Core Lightning-style call.</summary>
    public static int RunLightning(IReadOnlyList<string> args, CliConsole console) =>
        Guarded(console, () => LightningCli.Run(args, console));

    /// <summary>Runs an XRPL admin call (<paramref name="args"/> without the leading <c>xrpl</c>).</summary>
    public static int RunXrpl(IReadOnlyList<string> args, CliConsole console) =>
        Guarded(console, () => XrplCli.Run(args, console));

    private static int Guarded(CliConsole console, Func<int> run)
    {
        ArgumentNullException.ThrowIfNull(console);
        try
        {
            return run();
        }
        catch (Exception e)
        {
            // Every expected failure has its own message and code; anything else is still one line, never a trace.
            console.Error($"unexpected {e.GetType().Name}: {e.Message}");
            return ExitCodes.TalkFailed;
        }
        finally
        {
            console.Stdout.Flush();
            console.Stderr.Flush();
        }
    }

    private static List<string> Tail(IReadOnlyList<string> args)
    {
        var tail = new List<string>(args.Count);
        for (var i = 1; i < args.Count; i++)
        {
            tail.Add(args[i]);
        }

        return tail;
    }
}
