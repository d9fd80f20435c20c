using Peerd.EndToEnd.Tests.Infrastructure;

namespace Peerd.EndToEnd.Tests.Operations;

/// <summary>
/// The release layout of <c>scripts/publish.sh</c> in a temporary folder (removed on dispose): the daemon only, from
/// the Release build the test run already made (<c>--no-cli --no-build</c>), so it costs seconds.
/// </summary>
public sealed class PublishedLayout : IAsyncLifetime
{
    /// <summary>The folder holding <c>peerd/</c> and the archive.</summary>
    public string Output { get; } = Path.Combine(Path.GetTempPath(), "peerd-dist-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The tree meant for <c>/opt/peerd</c>.</summary>
    public string Tree => Path.Combine(Output, "peerd");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await using var publish = ChildProcess.Start(Path.Combine(RepoPaths.Root, "scripts", "publish.sh"), ["--no-cli", "--no-build", Output], environment: BuildEnvironment.Create());
        var exit = await publish.WaitForExitAsync(TimeSpan.FromMinutes(5));
        Assert.True(exit == 0, $"publish.sh exited {exit}: {publish.StandardError}");
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        if (Directory.Exists(Output))
        {
            Directory.Delete(Output, recursive: true);
        }

        return Task.CompletedTask;
    }
}
