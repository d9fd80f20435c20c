using System.Text.RegularExpressions;
using Peerd.Daemon.Configuration;
using Peerd.EndToEnd.Tests.Infrastructure;
using Peerd.Xrpl.Hosting;

namespace Peerd.EndToEnd.Tests.Operations;

/// <summary>
/// Every option the daemon and the CLI accept is in <c>--help</c> and in the manual pages (docs/man), read both as
/// roff source and as <c>man -l</c> renders it, so an option added to the tables cannot be left undocumented.
/// </summary>
public sealed partial class ManPageTests
{
    private static string ManDirectory => Path.Combine(RepoPaths.Root, "docs", "man");

    [Fact]
    public void EveryXrplOptionIsInTheOneOptionTableWithAHelpLine()
    {
        foreach (var option in XrplOptions.Table)
        {
            var spec = Assert.Single(OptionSpec.All, s => s.Name == option.Name);
            Assert.Equal(option.TakesValue, spec.TakesValue);
            Assert.False(string.IsNullOrWhiteSpace(spec.Help));
            Assert.True(spec.IsXrpl);
        }

        Assert.Equal(XrplOptions.Names.Order(StringComparer.Ordinal), OptionSpec.All.Where(s => s.IsXrpl).Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EveryDaemonOptionIsInHelpAndInTheManPage()
    {
        await using var help = ChildProcess.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "peerd.dll"), "--help"]);
        var helpText = await ReadAllLinesAsync(help);
        Assert.Equal(0, await help.WaitForExitAsync());
        var source = await File.ReadAllTextAsync(Path.Combine(ManDirectory, "peerd.8"));
        var rendered = await RenderAsync("peerd.8");

        var names = OptionSpec.All.Select(s => s.Name).ToList();
        Assert.True(names.Count >= 40, $"only {names.Count} options");
        foreach (var name in names)
        {
            Assert.Matches(OptionPattern("--" + name), helpText);
            Assert.Contains(@"\-\-" + name.Replace("-", @"\-", StringComparison.Ordinal), source, StringComparison.Ordinal);
            Assert.Matches(OptionPattern("--" + name), rendered);
        }
    }

    [Fact]
    public async Task EveryCliOptionIsInItsManPage()
    {
        var rendered = await RenderAsync("peerd-cli.1");
        var options = CliOption().Matches(Peerd.Cli.Lightning.Usage.Text).Select(m => m.Value).Distinct().ToList();
        Assert.True(options.Count >= 25, $"only {options.Count} options in the CLI's usage text");
        foreach (var option in options)
        {
            Assert.Matches(OptionPattern(option), rendered);
        }
    }

    /// <summary>Renders a page with man-db as a reader sees it; groff's warnings fail the test.</summary>
    private static async Task<string> RenderAsync(string page)
    {
        await using var man = ChildProcess.Start(
            "man",
            ["--warnings", "--no-hyphenation", "--no-justification", "-l", Path.Combine(ManDirectory, page)],
            environment: new Dictionary<string, string> { ["MANWIDTH"] = "120", ["MAN_DISABLE_SECCOMP"] = "1" });
        var text = await ReadAllLinesAsync(man);
        Assert.Equal(0, await man.WaitForExitAsync());
        Assert.Equal(string.Empty, man.StandardError);
        Assert.Contains("SEE ALSO", text, StringComparison.Ordinal);
        return text;
    }

    private static async Task<string> ReadAllLinesAsync(ChildProcess process)
    {
        var lines = new List<string>();
        try
        {
            while (true)
            {
                lines.Add(await process.WaitForLineAsync(_ => true, "output"));
            }
        }
        catch (TimeoutException)
        {
            // The output ended (the caller's WaitForExitAsync then has its own deadline).
        }

        return string.Join('\n', lines);
    }

    private static Regex OptionPattern(string option) => new($"(?<![A-Za-z0-9-]){Regex.Escape(option)}(?![A-Za-z0-9-])");

    [GeneratedRegex(@"(?<![A-Za-z0-9-])--?[A-Za-z][A-Za-z0-9-]*")]
    private static partial Regex CliOption();
}
