namespace Peerd.EndToEnd.Tests.Infrastructure;

/// <summary>One daemon shared by the tests of a class (each test uses its own peers).</summary>
public sealed class PeerdFixture : IAsyncLifetime
{
    /// <summary>The daemon.</summary>
    public PeerdProcess Daemon { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() => Daemon = await PeerdProcess.StartAsync(extraArguments: ["--handshake-timeout-secs=2"]);

    /// <inheritdoc />
    public async Task DisposeAsync() => await Daemon.DisposeAsync();
}
