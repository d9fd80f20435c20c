using System.Net;
using System.Net.Sockets;
using Peerd.Lightning.Peers;
using Peerd.Lightning.Peers.Policies;
using Peerd.Lightning.Transport;

namespace Peerd.Lightning.Tests.Peers.Policies;

/// <summary>
/// What the manager does when the kernel refuses a descriptor (<c>EMFILE</c>): the dial path sheds and retries once,
/// as Core Lightning's <c>try_connect_one_addr</c> does; the listener's accept failure sheds too. The refusal is
/// injected by a dialer that fails like <c>socket()</c> would, in front of the real one.
/// </summary>
public sealed class DescriptorExhaustionTests
{
    [Fact]
    public async Task ADialRefusedADescriptorShedsPendingHandshakesAndIsRetried()
    {
        var dialer = new ExhaustedDialer(failures: 1);
        await using var harness = PolicyHarness.Start(new ConnectionLimits(), dialer);
        await using var target = PolicyHarness.Start(new ConnectionLimits());
        var pending = await harness.ConnectRawAsync();
        await Eventually.TrueAsync(() => harness.Manager.PendingHandshakes == 1, "a handshake pending");

        var outcome = await harness.Manager.ConnectAsync(target.Manager.Local.Id, [target.Listener.Bound], PolicyHarness.Deadline);
        Assert.True(outcome.Succeeded, outcome.ErrorMessage);
        Assert.True(await PolicyHarness.ClosedByPeerAsync(pending));
        await harness.LogLineAsync("Too many open descriptors (Too many open files): closed 1 inbound handshake(s)");
        Assert.Equal(2, dialer.Calls);
    }

    [Fact]
    public async Task ADialThatStaysRefusedFailsWithCoreLightningsReason()
    {
        await using var harness = PolicyHarness.Start(new ConnectionLimits(), new ExhaustedDialer(failures: int.MaxValue));
        var target = Peerd.Lightning.Node.NodeId.FromBytes(Peerd.Crypto.StaticKey.Generate().PublicKey);
        var outcome = await harness.Manager.ConnectAsync(target, [PeerEndpoint.FromIp(IPAddress.Loopback, 9)], PolicyHarness.Deadline);
        Assert.Equal("All addresses failed: 127.0.0.1:9: Connection establishment: Terminated due to too many connections. ", outcome.ErrorMessage);
    }

    [Fact]
    public async Task AnAcceptRefusedADescriptorShedsPendingThenARandomInboundPeer()
    {
        await using var harness = PolicyHarness.Start(new ConnectionLimits());
        await harness.ConnectPeerAsync();
        var pending = await harness.ConnectRawAsync();
        await Eventually.TrueAsync(() => harness.Manager.PendingHandshakes == 1, "a handshake pending");
        var emfile = new SocketException((int)SocketError.TooManyOpenSockets);

        // Core Lightning's rule: closing an attempt does not spare an unsolicited (inbound) peer.
        harness.Manager.OnAcceptFailed(emfile);
        Assert.True(await PolicyHarness.ClosedByPeerAsync(pending));
        await Eventually.TrueAsync(() => harness.Manager.Peers.Count == 0, "the inbound peer closed");
        await harness.LogLineAsync("closing peer", "(in), chosen at random");

        // Any other accept failure sheds nothing.
        await harness.ConnectPeerAsync();
        harness.Manager.OnAcceptFailed(new SocketException((int)SocketError.ConnectionAborted));
        Assert.Single(harness.Manager.Peers);
    }

    /// <summary>Fails the first <paramref name="failures"/> dials as <c>socket()</c> does at the descriptor limit.</summary>
    private sealed class ExhaustedDialer(int failures) : IPeerDialer
    {
        private readonly PeerDialer _real = new(new DialerOptions());
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task<DialResult> DialAsync(PeerEndpoint endpoint, TimeSpan timeout, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) <= failures
                ? throw new SocketException((int)SocketError.TooManyOpenSockets)
                : _real.DialAsync(endpoint, timeout, cancellationToken);
    }
}
