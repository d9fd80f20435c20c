using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Peerd.Daemon.Configuration;

namespace Peerd.Daemon;

/// <summary>The entry point of <c>peerd</c>: options, then the node, until a signal or the <c>stop</c> command.</summary>
public static class Program
{
    /// <summary>
    /// Entry point. Exit codes: 0 clean stop, 1 configuration or start-up error. Every failure is one line on
    /// stderr: an exception no layer expected is reported by type and message, never as a stack trace.
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
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);

        Node? started;
        try
        {
            started = await Node.StartAsync(options, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0; // a signal arrived while starting: a clean stop
        }

        await using var node = started;
        if (node is null)
        {
            return 1;
        }

        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;

        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    private static void PrintHelp()
    {
        Console.WriteLine("Usage: peerd [--name=value ...]");
        Console.WriteLine("Options (also accepted as name=value lines in <lightning-dir>/config):");
        foreach (var spec in OptionSpec.All)
        {
            var name = spec.TakesValue ? $"--{spec.Name}=<arg>" : $"--{spec.Name}";
            Console.WriteLine($"  {name,-32} {spec.Help}");
        }

        Console.WriteLine($"  {"--xrpl-*",-32} XRPL node options: {string.Join(", ", Peerd.Xrpl.Hosting.XrplOptions.Names.Skip(1))} (see README.md)");
    }
}
