using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Peerd.Crypto;
using Peerd.Lightning.Gossip;
using Peerd.Lightning.Node;
using Peerd.Lightning.Peers;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Lightning.Tests.Transport.Socks5;
using Peerd.Lightning.Transport;
using static Peerd.Lightning.Tests.Gossip.Announcements;

namespace Peerd.Lightning.Tests.Gossip;

/// <summary>
/// The pieces together, over real sockets: a peer relays a signed node_announcement to us, the gossip responder
/// stores it, and a connect by node id alone reaches the announced node — directly, or by name through a SOCKS5
/// proxy — and the address book remembers where.
/// </summary>
public sealed class ConnectByIdTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("peerd-connect-").FullName;
    private readonly List<IAsyncDisposable> _owned = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }

        Directory.Delete(_dir, recursive: true);
    }

    private static LocalNode Local(StaticKey key) =>
        new(key, LightningNetwork.Regtest, OurFeatures.Init, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));

    private async Task<(PeerManager Peers, Listener Listener)> NodeAsync(StaticKey key, IPeerDialer? dialer = null)
    {
        var peers = new PeerManager(Local(key), dialer ?? new PeerDialer(new DialerOptions()), TimeProvider.System, NullLogger.Instance);
        var listener = Listener.Start(PeerEndpoint.FromIp(IPAddress.Loopback, 0), peers.AcceptAsync, NullLogger.Instance);
        _owned.Add(peers);
        _owned.Add(listener);
        await Task.CompletedTask;
        return (peers, listener);
    }

    private async Task<(PeerManager Peers, AddressBook Book, Listener Listener)> UsAsync(IPeerDialer? dialer = null)
    {
        var book = AddressBook.Open(Path.Combine(_dir, AddressBook.FileName), TimeProvider.System, NullLogger.Instance);
        var (peers, listener) = await NodeAsync(Key(1), dialer);
        var gossip = GossipNode.Start(_dir, LightningNetwork.Regtest, book, TimeProvider.System, NullLogger.Instance);
        peers.ReadGate = (connection, cancellationToken) => gossip.Ingest.FlushAsync(connection.NodeId, cancellationToken);
        peers.MessageReceived += (connection, message) => gossip.Responder.Handle(new GossipPeer(connection.NodeId, connection.TrySend, connection.SendAsync, connection.ClosedToken), message);
        peers.PeerConnected += connection =>
        {
            if (connection.Direction == PeerDirection.Out)
            {
                book.RememberConnected(connection.NodeId, connection.RemoteEndpoint);
            }
        };
        _owned.Add(new Disposer(book.Dispose));
        _owned.Insert(_owned.IndexOf(peers), gossip);
        return (peers, book, listener);
    }

    /// <summary>
    /// The relay connects to us and sends, as gossip, a channel of node 3 (BOLT #7 keeps announcements only of nodes
    /// with a channel) and then the announcement.
    /// </summary>
    private static async Task RelayAsync(PeerManager relay, Listener us, NodeId usId, byte[] announcement)
    {
        var outcome = await relay.ConnectAsync(usId, [us.Bound]);
        Assert.True(outcome.Succeeded, outcome.ErrorMessage);
        Assert.True(outcome.Connection!.TrySend(ChannelGossip.Announce(Protocol.Gossip.ShortChannelId.From(700_000, 3, 0), 2, 3)));
        Assert.True(outcome.Connection!.TrySend(ChannelGossip.Announce(Protocol.Gossip.ShortChannelId.From(700_000, 4, 0), 2, 4)));
        Assert.True(outcome.Connection!.TrySend(announcement));
    }

    [Fact]
    public async Task AnAnnouncementFromAPeerLetsUsConnectByIdAlone()
    {
        var (us, book, usListener) = await UsAsync();
        var (target, targetListener) = await NodeAsync(Key(3));
        var (relay, _) = await NodeAsync(Key(2));
        var targetPort = (ushort)targetListener.Bound.Port;

        Assert.Empty(book.AddressesFor(target.Local.Id));
        var signed = Sign(3, (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds(), IPv4("127.0.0.1", 1), IPv4("127.0.0.1", targetPort)).ToArray();
        await RelayAsync(relay, usListener, us.Local.Id, signed);
        await WaitForAsync(() => book.Find(target.Local.Id) is not null);

        var outcome = await us.ConnectAsync(target.Local.Id, book.AddressesFor(target.Local.Id));
        Assert.True(outcome.Succeeded, outcome.ErrorMessage);
        Assert.Equal($"127.0.0.1:{targetPort}", outcome.Connection!.RemoteEndpoint.ToString());

        // The book records the address as the connection starts, just after the caller was answered.
        await WaitForAsync(() => book.Find(target.Local.Id)!.Connected.Count > 0);
        Assert.Equal($"127.0.0.1:{targetPort}", Assert.Single(book.Find(target.Local.Id)!.Connected).Endpoint.ToString());
    }

    [Fact]
    public async Task AForgedAnnouncementFromAPeerIsWarnedAboutAndNeverUsed()
    {
        var (us, book, usListener) = await UsAsync();
        var (relay, _) = await NodeAsync(Key(2));
        await RelayAsync(relay, usListener, us.Local.Id, Forged(3, (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        var stored = Bytes(4, (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds(), IPv4("127.0.0.1", 1));
        Assert.True(relay.TryGetPeer(us.Local.Id, out var connection));
        connection.TrySend(stored);
        await WaitForAsync(() => book.Find(Id(4)) is not null);
        Assert.Null(book.Find(Id(3)));
        Assert.True(relay.TryGetPeer(us.Local.Id, out _), "a bad signature gets a warning, not a disconnect");
    }

    [Fact]
    public async Task AnAnnouncedNameIsReachedThroughTheProxyUnresolved()
    {
        await using var proxy = await Microsocks.StartAsync();
        var dialer = new ProxyDialer(new PeerDialer(new DialerOptions(DisableDns: true)), new ProxyOptions(PeerEndpoint.FromIp(IPAddress.Loopback, proxy.Port), AlwaysUseProxy: true, DisableDns: true));
        var (us, book, usListener) = await UsAsync(dialer);
        var (target, targetListener) = await NodeAsync(Key(3));
        var (relay, _) = await NodeAsync(Key(2));
        var targetPort = (ushort)targetListener.Bound.Port;

        var closed = (ushort)Microsocks.FreeLoopbackPort();
        var signed = Sign(3, (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds(), IPv4("127.0.0.1", closed), Dns("localhost", targetPort)).ToArray();
        await RelayAsync(relay, usListener, us.Local.Id, signed);
        await WaitForAsync(() => book.Find(target.Local.Id) is not null);
        Assert.Equal([$"localhost:{targetPort}", $"127.0.0.1:{closed}"], book.AddressesFor(target.Local.Id).Select(e => e.ToString()));

        var outcome = await us.ConnectAsync(target.Local.Id, book.AddressesFor(target.Local.Id));
        Assert.True(outcome.Succeeded, outcome.ErrorMessage);
        Assert.Equal($"localhost:{targetPort}", outcome.Connection!.RemoteEndpoint.ToString());
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "the condition never held");
    }

    private sealed class Disposer(Action dispose) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            dispose();
            return ValueTask.CompletedTask;
        }
    }
}
