using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Peerd.Peering.Admission;
using Peerd.Xrpl.Overlay;
using Peerd.Xrpl.Protocol.Framing;
using Peerd.Xrpl.Protocol.Messages;
using Peerd.Xrpl.Tests.Support;

namespace Peerd.Xrpl.Tests.Overlay;

/// <summary>
/// The XRPL twins of the Lightning port's hostile cases (docs/RELIABILITY.md), against a real node on loopback:
/// silent sockets beyond the handshake table, junk and partial TLS, the descriptor budget, a handler that throws, a
/// peer that never reads. The node closes what it must and serves an honest peer throughout.
/// </summary>
public sealed class XrplOverlayAdmissionTests : IAsyncLifetime
{
    private readonly List<Socket> _sockets = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _sockets.ForEach(s => s.Dispose());
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SilentSocketsBeyondTheHandshakeTableCloseTheOldestAndAnHonestPeerStillGetsIn()
    {
        await using var node = await TestNode.StartAsync(admission: XrplTuning.Admission with { MaxPendingHandshakes = 8, MinEvictableHandshakeAge = TimeSpan.Zero });
        var silent = new List<Socket>();
        for (var i = 0; i < 40; i++)
        {
            silent.Add(await OpenAsync(node));
        }

        // Each newcomer closed the oldest handshake: the first 32 are gone, the last 8 are held.
        for (var i = 0; i < 32; i++)
        {
            Assert.True(await ClosedByNodeAsync(silent[i]), $"silent socket {i} was not closed");
        }

        await using var honest = await RawPeer.HandshakeAsync(node.PeerEndpoint);
        Assert.Equal(101, honest.Response!.StatusCode);
        await Eventually.TrueAsync(() => node.Log.Entries.Any(e => e.Message.Contains("handshake table full", StringComparison.Ordinal)), "the eviction logged");
        Assert.True(node.Node.Overlay.Attempts.Snapshot().Count <= XrplTuning.AttemptHistory + XrplTuning.AttemptsInProgress);
        node.Log.AssertNoErrors();
    }

    [Fact]
    public async Task AFullTableOfYoungHandshakesRefusesTheNewcomerAtOnce()
    {
        await using var node = await TestNode.StartAsync(admission: XrplTuning.Admission with { MaxPendingHandshakes = 4, MinEvictableHandshakeAge = TimeSpan.FromHours(1) });
        var held = new List<Socket>();
        for (var i = 0; i < 4; i++)
        {
            held.Add(await OpenAsync(node));
        }

        await Eventually.TrueAsync(() => node.Node.Overlay.Admission.Pending.Count == 4, "four handshakes pending");
        var refused = await OpenAsync(node);
        Assert.True(await ClosedByNodeAsync(refused));
        Assert.Contains(node.Log.Entries, e => e.Message.Contains("too many pending handshakes", StringComparison.Ordinal));
        Assert.Equal(4, node.Node.Overlay.Admission.Pending.Count);
    }

    [Fact]
    public async Task JunkInsteadOfTlsIsClosedAndRecordedAtTheTlsStage()
    {
        await using var node = await TestNode.StartAsync();
        var socket = await OpenAsync(node);
        var junk = new byte[512];
        new Random(7).NextBytes(junk);
        junk[0] = 0x47; // not a TLS record type
        await socket.SendAsync(junk);
        Assert.True(await ClosedByNodeAsync(socket));
        var attempt = await Eventually.ValueAsync(() => node.Node.Overlay.Attempts.Snapshot().FirstOrDefault(a => a.Outcome == ConnectionOutcome.Failed), "the attempt failed");
        Assert.Equal(ConnectionStage.Tls, attempt.Stage);
        Assert.StartsWith("TLS handshake failed", attempt.FailureReason, StringComparison.Ordinal);
        Assert.Equal(0, node.Node.Overlay.Admission.Pending.Count);
        node.Log.AssertNoErrors();
    }

    [Fact]
    public async Task APartialClientHelloIsClosedByTheHandshakeDeadline()
    {
        await using var node = await TestNode.StartAsync(o => o with { HandshakeTimeout = TimeSpan.FromMilliseconds(500) });
        var socket = await OpenAsync(node);
        await socket.SendAsync(new byte[] { 0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03 });
        Assert.True(await ClosedByNodeAsync(socket));
        var attempt = await Eventually.ValueAsync(() => node.Node.Overlay.Attempts.Snapshot().FirstOrDefault(a => a.Outcome == ConnectionOutcome.Failed), "the attempt failed");
        Assert.Equal(ConnectionStage.Tls, attempt.Stage);
        Assert.StartsWith("Timeout: no progress within 0.5 s", attempt.FailureReason, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => node.Node.Overlay.Admission.Pending.Count == 0, "the handshake left the table");
    }

    [Fact]
    public async Task AtTheSocketBudgetPendingHandshakesAreShedAndThePortServesOn()
    {
        await using var node = await TestNode.StartAsync(budget: new DescriptorBudget(6));
        var silent = new List<Socket>();
        for (var i = 0; i < 6; i++)
        {
            silent.Add(await OpenAsync(node));
        }

        await Eventually.TrueAsync(() => node.Node.Overlay.Admission.Pending.Count == 6, "six handshakes pending");
        silent.Add(await OpenAsync(node));
        for (var i = 0; i < 6; i++)
        {
            Assert.True(await ClosedByNodeAsync(silent[i]), $"silent socket {i} was not shed");
        }

        // Logged just after the sockets were closed: wait for the line too.
        await Eventually.TrueAsync(
            () => node.Log.Entries.Any(e => e.Level == LogLevel.Warning && e.Message.Contains("too many open descriptors (6 peer sockets is the budget): closed 6 inbound handshake(s)", StringComparison.Ordinal)),
            "the shedding logged");
        var shed = await Eventually.ValueAsync(() => node.Node.Overlay.Attempts.Snapshot().FirstOrDefault(a => a.FailureReason == XrplOverlay.TooManyConnections), "a shed attempt recorded");
        Assert.Equal(ConnectionDirection.Inbound, shed.Direction);
        silent[6].Dispose();
        await using var honest = await RawPeer.HandshakeAsync(node.PeerEndpoint);
        Assert.Equal(101, honest.Response!.StatusCode);
    }

    [Fact]
    public async Task AMessageHandlerThatThrowsEndsOnlyItsSessionAndReleasesItsSlotAndKey()
    {
        await using var node = await TestNode.StartAsync();
        node.Node.Overlay.MessageReceived += (_, message) =>
        {
            if (message is TMEndpoints)
            {
                throw new InvalidOperationException("handler bug");
            }
        };
        await using var other = await RawPeer.HandshakeAsync(node.PeerEndpoint, identity: Protocol.Identity.NodeIdentity.FromSeed(TestNode.Seed("other")));
        await using (var raw = await RawPeer.HandshakeAsync(node.PeerEndpoint))
        {
            await raw.SendAsync(new TMEndpoints { Version = 2 });
            Assert.Null(await raw.ReadFrameAsync());
        }

        var closed = await Eventually.ValueAsync(() => node.Node.Overlay.Attempts.Snapshot().FirstOrDefault(a => a.CloseReason is not null), "the session is recorded as closed");
        Assert.Equal("Internal error", closed.CloseReason);
        Assert.Single(node.Log.Entries, e => e.Message.Contains("unexpected fault", StringComparison.Ordinal));

        // Its key and slot were released (a leak answers "Duplicate peer"); the other session never noticed.
        await using var again = await RawPeer.HandshakeAsync(node.PeerEndpoint);
        Assert.Equal(101, again.Response!.StatusCode);
        await other.SendAsync(new TMPing { Type = TMPing.Types.pingType.PtPing, Seq = 5 });
        Assert.Equal(5u, (await other.ReadMessageAsync(XrplMessageType.Ping, TMPing.Parser))!.Seq);
    }

    [Fact]
    public async Task AnActivationSubscriberThatThrowsEndsOnlyThatSessionAndReleasesItsSlotAndKey()
    {
        await using var node = await TestNode.StartAsync();
        var throwing = new ThrowingOnActivation(node.Node.Overlay.MessageHandler);
        node.Node.Overlay.MessageHandler = throwing;
        await using (var raw = await RawPeer.HandshakeAsync(node.PeerEndpoint))
        {
            Assert.Null(await raw.ReadFrameAsync());
        }

        var closed = await Eventually.ValueAsync(() => node.Node.Overlay.Attempts.Snapshot().FirstOrDefault(a => a.CloseReason is not null), "the session is recorded as closed");
        Assert.Equal("Internal error", closed.CloseReason);
        Assert.Single(node.Log.Entries, e => e.Message.Contains("unexpected fault", StringComparison.Ordinal));

        // Its key and slot were released (a leak answers "Duplicate peer"), and the next session runs.
        throwing.Armed = false;
        await using var again = await RawPeer.HandshakeAsync(node.PeerEndpoint);
        Assert.Equal(101, again.Response!.StatusCode);
        await again.SendAsync(new TMPing { Type = TMPing.Types.pingType.PtPing, Seq = 7 });
        Assert.Equal(7u, (await again.ReadMessageAsync(XrplMessageType.Ping, TMPing.Parser))!.Seq);
    }

    private sealed class ThrowingOnActivation(IXrplMessageHandler? inner) : IXrplMessageHandler
    {
        public bool Armed { get; set; } = true;

        public void OnMessage(XrplPeer peer, Google.Protobuf.IMessage message) => inner?.OnMessage(peer, message);

        public void OnPeerActivated(XrplPeer peer)
        {
            if (Armed)
            {
                throw new InvalidOperationException("subscriber bug");
            }

            inner?.OnPeerActivated(peer);
        }
    }

    private async Task<Socket> OpenAsync(TestNode node)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _sockets.Add(socket);
        await socket.ConnectAsync(node.PeerEndpoint);
        return socket;
    }

    /// <summary>True when the node closed the socket (EOF or reset) within the deadline that bounds a hung test.</summary>
    private static async Task<bool> ClosedByNodeAsync(Socket socket)
    {
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token) > 0)
            {
            }

            return true;
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
