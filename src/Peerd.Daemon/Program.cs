using Microsoft.Extensions.Logging;
using Peerd.Daemon.Configuration;
using Peerd.Daemon.Signals;

namespace Peerd.Daemon;

/// <summary>The entry point of <c>peerd</c>: options, then the node, until a signal or the <c>stop</c> command.</summary>
public static class Program
{
    /// <summary>
    /// Entry point. Exit codes: 0 clean stop, 1 configuration or start-up error, 2 shutdown overran its deadline.
    /// Every failure is one line on stderr: an exception no layer expected is reported by type and message, never as a
    /// stack trace.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        try
        {
            return await RunAsync(args).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"peerd: unexpected {e.GetType().Name}: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task<int> RunAsync(string[] args)
    {
        SocketThreading.Configure();
        DaemonOptions options;
        try
        {
            options = DaemonOptions.Load(args, Peerd.Primitives.HomeDirectory.Resolve());
        }
        catch (OptionException e)
        {
            await Console.Error.WriteLineAsync($"peerd: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        if (options.ShowHelp)
        {
            PrintHelp();
            return 0;
        }

        if (options.ShowVersion)
        {
            Console.WriteLine(Node.Version);
            return 0;
        }

        using var stop = new CancellationTokenSource();
        using var signals = DaemonSignals.Register(stop);
        Node? node;
        try
        {
            node = await Node.StartAsync(options, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0; // a signal arrived while starting: a clean stop
        }

        if (node is null)
        {
            return 1;
        }

        signals.OnHangup(node.ReopenLogFile);
        ServiceNotifier.Notify("READY=1");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        ServiceNotifier.Notify("STOPPING=1");
        if (!await ShutdownDeadline.RunAsync(node.DisposeAsync, ShutdownDeadline.Default).ConfigureAwait(false))
        {
            await Console.Error.WriteLineAsync($"peerd: shutdown did not finish within {ShutdownDeadline.Default.TotalSeconds} s; exiting").ConfigureAwait(false);
            return 2;
        }

        return 0;
    }

    private static void PrintHelp()
    {
        Console.WriteLine("Usage: peerd [--name=value ...]");
        Console.WriteLine("Options (also accepted as name=value lines in <lightning-dir>/config; see man peerd):");
        foreach (var spec in OptionSpec.All.Where(s => !s.IsXrpl || s.Name == "xrpl"))
        {
            PrintOption(spec);
        }

        Console.WriteLine("XRPL node options (any of them enables the XRPL node, as --xrpl does):");
        foreach (var spec in OptionSpec.All.Where(s => s.IsXrpl && s.Name != "xrpl"))
        {
            PrintOption(spec);
        }

        static void PrintOption(OptionSpec spec)
        {
            var name = spec.TakesValue ? $"--{spec.Name}=<arg>" : $"--{spec.Name}";
            Console.WriteLine($"  {name,-32} {spec.Help}");
        }
    }
}
