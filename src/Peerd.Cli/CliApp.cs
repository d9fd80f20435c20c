using Peerd.Cli.Lightning;
using Peerd.Cli.Xrpl;

namespace Peerd.Cli;

/// <summary>
/// <c>peerd-cli</c>: <c>peerd-cli xrpl …</c> speaks rippled's admin API; anything else is a Core Lightning-style
/// call over the <c>lightning-rpc</c> socket.
/// </summary>
public static class CliApp
{
    /// <summary>The version printed by <c>--version</c>.</summary>
    public static string Version => typeof(CliApp).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Runs the command line; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(IReadOnlyList<string> args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        try
        {
            return args.Count > 0 && args[0] == "xrpl"
                ? XrplCli.Run(Tail(args), console)
                : LightningCli.Run(args, console);
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
