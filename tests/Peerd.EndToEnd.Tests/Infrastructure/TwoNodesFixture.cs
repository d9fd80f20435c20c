namespace Peerd.EndToEnd.Tests.Infrastructure;

/// <summary>Two daemons: <see cref="A"/> makes the calls, <see cref="B"/> is a Peerd peer to connect to.</summary>
public sealed class TwoNodesFixture : IAsyncLifetime
{
    /// <summary>The daemon under test (handshake deadline 2 s so silent listeners fail fast).</summary>
    public PeerdProcess A { get; private set; } = null!;

    /// <summary>A Peerd peer.</summary>
    public PeerdProcess B { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var a = PeerdProcess.StartAsync(extraArguments: ["--handshake-timeout-secs=2", "--bind-addr=[::1]:0"]);
        var b = PeerdProcess.StartAsync();
        A = await a;
        B = await b;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
    }
}
