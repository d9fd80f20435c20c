using System.Globalization;
using Peerd.Load.Infrastructure;
using Peerd.Load.Report;

namespace Peerd.Load;

/// <summary>
/// The end-to-end load tool: starts peerd daemons (and node-lightning's scripts) on loopback, drives them, and prints
/// one Markdown table with the targets. Progress goes to stderr, the table to stdout.
/// </summary>
public static class Program
{
    /// <summary>Entry point. Exit codes: 0 done, 2 usage, 1 a scenario failed.</summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--help"))
        {
            Console.WriteLine(LoadOptions.Usage);
            return 0;
        }

        var root = RepoRoot.Find();
        var options = LoadOptions.Parse(args, root, out var error);
        if (options is null)
        {
            await Console.Error.WriteLineAsync($"peerd-load: {error}\n{LoadOptions.Usage}").ConfigureAwait(false);
            return 2;
        }

        if (!File.Exists(options.PeerdDll))
        {
            await Console.Error.WriteLineAsync($"peerd-load: {options.PeerdDll} not found (publish it: scripts/build.sh Peerd.Daemon peerd)").ConfigureAwait(false);
            return 2;
        }

        var fdLimit = SystemInfo.OpenFileLimit();
        var needed = options.Only.Contains("hold") ? options.HoldPeers + 1_000 : 2_000;
        Progress($"open-file limit {fdLimit} (hold needs about {needed}); {Environment.ProcessorCount} cores; load average {SystemInfo.LoadAverage()}");
        if (fdLimit < needed)
        {
            await Console.Error.WriteLineAsync($"peerd-load: raise the open-file limit to at least {needed} (ulimit -n {needed})").ConfigureAwait(false);
            return 2;
        }

        var table = new ResultTable();
        var latency = new ComparisonTable();
        var run = new Runner(options, table, latency);
        try
        {
            await run.AllAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"peerd-load: {e}").ConfigureAwait(false);
            Console.WriteLine(Tables(table, latency));
            return 1;
        }

        var markdown = Tables(table, latency);
        var footer = $"Open-file limit {fdLimit}; load average at the end {SystemInfo.LoadAverage()}.";
        Console.WriteLine(markdown);
        Console.WriteLine(footer);
        if (options.MarkdownFile is { } file)
        {
            await File.WriteAllTextAsync(file, markdown + "\n" + footer + "\n").ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>The result table and the latency table (each only when it has rows).</summary>
    private static string Tables(ResultTable table, ComparisonTable latency) =>
        string.Join("\n", new[] { table.Rows.Count > 0 ? table.ToMarkdown() : "", latency.IsEmpty ? "" : latency.ToMarkdown() }.Where(t => t.Length > 0));

    internal static void Progress(string text) =>
        Console.Error.WriteLine($"[{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}] {text}");
}
