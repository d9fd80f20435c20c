using System.Net;
using System.Net.Sockets;
using Peerd.Lightning.Peers;
using Peerd.Lightning.Peers.Policies;
using Peerd.Lightning.Transport;

namespace Peerd.Lightning.Tests.Peers.Policies;

/// <summary>
/// The connection limits of <see cref="PeerManager"/> over real loopback sockets: per-address rate, inbound and
/// outbound caps, the handshake table's eviction of the oldest handshake, and descriptor pressure (pending
/// connections first, then a random peer), each with the log line an operator sees.
/// </summary>
public sealed class PeerManagerLimitsTests
{
    [Fact]
    public async Task AnAddressBeyondItsBurstIsClosedAtOnceWhileOthersAreServed()
    {
        var limits = new ConnectionLimits { RateLimitLoopback = true, InboundBurstPerAddress = 3, InboundConnectionsPerSecondPerAddress = 0.001 };
        await using var harness = PolicyHarness.Start(limits);
        var held = new List<Socket>();
        for (var i = 0; i < 3; i++)
        {
            held.Add(await harness.ConnectRawAsync(IPAddress.Parse("127.0.0.2")));
        }

        await Eventually.TrueAsync(() => harness.Manager.PendingHandshakes == 3, "three handshakes pending");
        var refused = await harness.ConnectRawAsync(IPAddress.Parse("127.0.0.2"));
        Assert.True(await PolicyHarness.ClosedByPeerAsync(refused));
        await harness.LogLineAsync("127.0.0.2", "rate limit");

        // Another address has its own bucket: it completes a handshake and init.
        var other = await harness.ConnectPeerAsync();
        Assert.Single(harness.Manager.Peers);

        // The client sees init before the daemon's side has left its pending count: wait for that, not a snapshot.
        await Eventually.TrueAsync(() => harness.Manager.PendingHandshakes == 3, "the other address's handshake done, the three held still pending");
        Assert.All(held, s => Assert.True(s.Connected));
        _ = other;
    }

    [Fact]
    public async Task InboundPeersBeyondTheCapAreRefused()
    {
        await using var harness = PolicyHarness.Start(new ConnectionLimits { MaxInboundPeers = 2 });
        await harness.ConnectPeerAsync();
        await harness.ConnectPeerAsync();
        var refused = await harness.ConnectRawAsync();
        Assert.True(await PolicyHarness.ClosedByPeerAsync(refused));
        await harness.LogLineAsync("Refusing connection from", "too many inbound peers");
        Assert.Equal(2, harness.Manager.InboundPeers);
    }

    [Fact]
    public async Task AConnectBeyondTheOutboundCapFailsAtOnce()
    {
        await using var harness = PolicyHarness.Start(new ConnectionLimits { MaxOutboundPeers = 1 });
        await using var first = PolicyHarness.Start(new ConnectionLimits());
        await using var second = PolicyHarness.Start(new ConnectionLimits());
        var outcome = await harness.Manager.ConnectAsync(first.Manager.Local.Id, [first.Listener.Bound], PolicyHarness.Deadline);
        Assert.True(outcome.Succeeded, outcome.ErrorMessage);

        var refused = await harness.Manager.ConnectAsync(second.Manager.Local.Id, [second.Listener.Bound], PolicyHarness.Deadline);
        Assert.Equal(ConnectErrorCodes.AllAddressesFailed, refused.ErrorCode);
        Assert.Equal("Unable to connect: 1 outbound peers and attempts is the limit; disconnect one first", refused.ErrorMessage);
        Assert.Equal(1, harness.Manager.OutboundPeers);

        // Connecting to a peer we already have is not a new outbound peer.
        Assert.True((await harness.Manager.ConnectAsync(first.Manager.Local.Id, [first.Listener.Bound])).Succeeded);
    }

    [Fact]
    public async Task AFullHandshakeTableClosesItsOldestHandshakeToAdmitANewPeer()
    {
        await using var harness = PolicyHarness.Start(new ConnectionLimits { MaxPendingHandshakes = 2, MinEvictableHandshakeAge = TimeSpan.Zero });
        var oldest = await harness.ConnectRawAsync();
        await Eventually.TrueAsync(() => harness.Manager.PendingHandshakes == 1, "the first handshake pending");
        var younger = await harness.ConnectRawAsync();
        await Eventually.TrueAsync(() => harness.Manager.PendingHandshakes == 2, "two handshakes pending");

        await harness.ConnectPeerAsync();
        Assert.True(await PolicyHarness.ClosedByPeerAsync(oldest));
        Assert.True(younger.Connected);
        Assert.Single(harness.Manager.Peers);
        await harness.LogLineAsync("Closing the handshake from", "handshake table full");
    }

    [Fact]
    public async Task AFullHandshakeTableOfYoungHandshakesRefusesTheNewcomer()
    {
        await using var harness = PolicyHarness.Start(new ConnectionLimits { MaxPendingHandshakes = 2, MinEvictableHandshakeAge = TimeSpan.FromHours(1) });
        var first = await harness.ConnectRawAsync();
        var second = await harness.ConnectRawAsync();
        await Eventually.TrueAsync(() => harness.Manager.PendingHandshakes == 2, "two handshakes pending");

        var refused = await harness.ConnectRawAsync();
        Assert.True(await PolicyHarness.ClosedByPeerAsync(refused));
        await harness.LogLineAsync("Refusing connection from", "too many pending handshakes");
        Assert.True(first.Connected && second.Connected);
    }

    [Fact]
    public async Task AtTheSocketBudgetPendingHandshakesAreShedFirst()
    {
        await using var harness = PolicyHarness.Start(new ConnectionLimits(), socketBudget: 3);
        await harness.ConnectPeerAsync();
        var pending = await harness.ConnectRawAsync();
        var pending2 = await harness.ConnectRawAsync();
        await Eventually.TrueAsync(() => harness.Manager.PendingHandshakes == 2, "two handshakes pending");

        // A fourth socket: the two pending handshakes go, the connected peer stays.
        var newcomer = await harness.ConnectRawAsync();
        Assert.True(await PolicyHarness.ClosedByPeerAsync(pending));
        Assert.True(await PolicyHarness.ClosedByPeerAsync(pending2));
        await harness.LogLineAsync("Too many open descriptors (3 peer sockets is the budget): closed 2 inbound handshake(s) and 0 connect attempt(s) (Terminated due to too many connections)");
        Assert.Single(harness.Manager.Peers);
        await Eventually.TrueAsync(() => harness.Manager.PendingHandshakes == 1, "the newcomer pending");
        Assert.True(newcomer.Connected);
    }

    [Fact]
    public async Task WhenPeersAloneFillTheBudgetARandomInboundPeerIsClosed()
    {
        await using var harness = PolicyHarness.Start(new ConnectionLimits(), socketBudget: 2);
        await harness.ConnectPeerAsync();
        await harness.ConnectPeerAsync();
        var before = harness.Manager.Peers.ToList();

        await harness.ConnectPeerAsync();
        var line = await harness.LogLineAsync("Too many open descriptors", "closing peer", "(in), chosen at random");
        Assert.Contains(before, p => line.Contains(p.NodeId.ToString(), StringComparison.Ordinal));
        await Eventually.TrueAsync(() => harness.Manager.Peers.Count == 2, "two peers left");
        var closed = before.Single(p => line.Contains(p.NodeId.ToString(), StringComparison.Ordinal));
        Assert.Equal(PeerManager.TooManyConnections, await closed.Closed.WaitAsync(PolicyHarness.Deadline));
    }

    [Fact]
    public async Task AnOutboundAttemptShedInItsHandshakeFailsWithCoreLightningsReason()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        await using var harness = PolicyHarness.Start(new ConnectionLimits(), socketBudget: 1);
        var target = Peerd.Lightning.Node.NodeId.FromBytes(Peerd.Crypto.StaticKey.Generate().PublicKey);
        var connect = harness.Manager.ConnectAsync(target, [PeerEndpoint.FromIp(IPAddress.Loopback, ((IPEndPoint)silent.LocalEndpoint).Port)]);
        using var accepted = await silent.AcceptSocketAsync().WaitAsync(PolicyHarness.Deadline);
        await Eventually.TrueAsync(() => harness.Manager.Attempts.Any(a => a.CurrentStage == ConnectStage.Handshake), "the attempt in its handshake");

        await harness.ConnectRawAsync();
        var outcome = await connect.WaitAsync(PolicyHarness.Deadline);
        Assert.Equal(ConnectErrorCodes.AllAddressesFailed, outcome.ErrorCode);
        Assert.Equal($"All addresses failed: 127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}: Cryptographic handshake: Terminated due to too many connections. ", outcome.ErrorMessage);
        await harness.LogLineAsync("closed 0 inbound handshake(s) and 1 connect attempt(s)");
    }
}
