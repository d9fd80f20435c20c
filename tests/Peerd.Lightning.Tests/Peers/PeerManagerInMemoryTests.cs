using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Peerd.Crypto;
using Peerd.Lightning.Peers;
using Peerd.Lightning.Tests.Peers.Policies;
using Peerd.TestKit;

namespace Peerd.Lightning.Tests.Peers;

/// <summary>
/// Two real peer managers (real BOLT 8 handshakes, real <c>init</c>) over in-memory streams and one fake clock: the
/// liveness rule and disconnects, with no sockets and no sleeps.
/// </summary>
public sealed class PeerManagerInMemoryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private readonly InMemoryNetwork _network = new();
    private readonly List<PeerManager> _managers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var manager in _managers)
        {
            await manager.DisposeAsync();
        }
    }

    [Fact]
    public async Task TwoNodesConnectOverMemoryAndADisconnectEndsBothSides()
    {
        var (dialler, listener, ours, theirs) = await ConnectAsync(new PeerManagerOptions());
        Assert.Equal(PeerDirection.Out, ours.Direction);
        Assert.Equal(PeerDirection.In, theirs.Direction);

        Assert.True(await dialler.DisconnectAsync(listener.Local.Id));

        Assert.Equal("disconnected by request", await ours.Closed);
        Assert.Equal("peer closed connection", await theirs.Closed);
    }

    [Fact]
    public async Task APeerThatStopsReadingIsPingedThenHungUpOnWhenThePingGoesUnanswered()
    {
        var options = new PeerManagerOptions { PingTick = TimeSpan.FromSeconds(1), PingIdle = TimeSpan.FromSeconds(10), PongTimeout = TimeSpan.FromSeconds(5) };
        var (dialler, listener, ours, theirs) = await ConnectAsync(options, listenerReadsNothing: true);

        // A second of the fake clock per step, with real time between steps for the ping (written by the connection's
        // writer on another thread) to be recorded as sent: advancing all at once could pass the pong deadline before
        // the ping went out, and then nothing would ever advance the clock to the hang-up.
        await Eventually.TrueAsync(
            () =>
            {
                _time.Advance(TimeSpan.FromSeconds(1));
                return ours.IsClosing;
            },
            "the dialler hanging up on the silent peer");

        Assert.Equal("Last ping unreturned: hanging up", await ours.Closed);
        Assert.Null(dialler.RoundTrip(listener.Local.Id));

        // The silent side is held at its read gate, so it learns of the hang-up only when it reads again.
        Assert.False(theirs.IsClosing);
    }

    private async Task<(PeerManager Dialler, PeerManager Listener, PeerConnection Ours, PeerConnection Theirs)> ConnectAsync(
        PeerManagerOptions diallerOptions, bool listenerReadsNothing = false)
    {
        var dialler = Manager(diallerOptions);

        // The listener never pings (its idle limit is a day): only the dialler's liveness rule is under test.
        var listener = Manager(new PeerManagerOptions { PingIdle = TimeSpan.FromDays(1), PongTimeout = TimeSpan.FromDays(1) });
        if (listenerReadsNothing)
        {
            listener.ReadGate = (_, token) => new ValueTask(Task.Delay(Timeout.InfiniteTimeSpan, token));
        }

        var accepted = new TaskCompletionSource<PeerConnection>(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.PeerConnected += c => accepted.TrySetResult(c);
        var outcome = await dialler.ConnectAsync(listener.Local.Id, [_network.Listen(listener)]);
        Assert.True(outcome.Succeeded, outcome.ErrorMessage);
        return (dialler, listener, outcome.Connection!, await accepted.Task);
    }

    private PeerManager Manager(PeerManagerOptions options)
    {
        var manager = new PeerManager(PolicyHarness.Local(StaticKey.Generate()), _network, _time, NullLogger.Instance, options);
        _managers.Add(manager);
        return manager;
    }
}
