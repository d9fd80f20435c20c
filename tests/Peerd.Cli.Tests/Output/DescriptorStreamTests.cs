using System.Diagnostics;

namespace Peerd.Cli.Tests.Output;

/// <summary>
/// The real process console (<c>write(2)</c> on descriptors 1 and 2): the built client run as a user's shell runs
/// it, its output redirected to a file.
/// </summary>
public sealed class DescriptorStreamTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("peerd-cli-descriptors-").FullName;

    [Fact]
    public async Task OutputIsAppendedWhereTheShellOpenedTheFile()
    {
        var file = Path.Combine(_directory, "out");
        await File.WriteAllTextAsync(file, "before\n");

        var exit = await RunAsync($"\"$1\" --version >> \"$2\" 2>&1", file);

        Assert.Equal(0, exit);
        var text = await File.ReadAllTextAsync(file);
        Assert.StartsWith("before\npeerd-cli ", text, StringComparison.Ordinal);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.Equal(2, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task AnErrorGoesToStandardError()
    {
        var output = Path.Combine(_directory, "out");
        var error = Path.Combine(_directory, "err");
        var missing = Path.Combine(_directory, "no-such-dir");

        var exit = await RunAsync($"\"$1\" --lightning-dir=\"$2\" getinfo > \"$3\" 2> \"$4\"", missing, output, error);

        Assert.NotEqual(0, exit);
        Assert.Equal("", await File.ReadAllTextAsync(output));
        var text = await File.ReadAllTextAsync(error);
        Assert.StartsWith("peerd-cli: ", text, StringComparison.Ordinal);
        Assert.Contains(missing, text, StringComparison.Ordinal);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Runs <c>dotnet peerd-cli.dll</c> ($1) under <c>/bin/sh -c <paramref name="script"/></c>; $2… are <paramref name="arguments"/>.</summary>
    private static async Task<int> RunAsync(string script, params string[] arguments)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "peerd-cli.dll");
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var argument in (string[])["-c", script.Replace("\"$1\"", "dotnet \"$1\"", StringComparison.Ordinal), "sh", cli, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
