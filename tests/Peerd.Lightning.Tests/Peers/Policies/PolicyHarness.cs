using Peerd.TestKit;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Peerd.Crypto;
using Peerd.Lightning.Peers;
using Peerd.Lightning.Peers.Policies;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Tests.Gossip;
using Peerd.Lightning.Transport;
using Peerd.Peering.Admission;

namespace Peerd.Lightning.Tests.Peers.Policies;

/// <summary>
/// A real <see cref="PeerManager"/> listening on loopback with the given limits, real peers that connect to it (each
/// its own manager), and raw sockets that connect and say nothing. Everything is disposed with the harness.
/// </summary>
internal sealed class PolicyHarness : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly List<IAsyncDisposable> _owned = [];
    private readonly List<Socket> _raw = [];

    private PolicyHarness(PeerManager manager, Listener listener, CapturedLog log)
    {
        Manager = manager;
        Listener = listener;
        Log = log;
    }

    public PeerManager Manager { get; }

    public Listener Listener { get; }

    public CapturedLog Log { get; }

    public static PolicyHarness Start(ConnectionLimits limits, IPeerDialer? dialer = null, TimeSpan? handshakeTimeout = null, int? socketBudget = null)
    {
        var log = new CapturedLog();
        var budget = socketBudget is { } sockets ? new DescriptorBudget(sockets) : null;
        var manager = new PeerManager(Local(StaticKey.Generate(), handshakeTimeout), dialer ?? new PeerDialer(new DialerOptions()), TimeProvider.System, log, null, limits, budget);
        var listener = Listener.Start(PeerEndpoint.FromIp(IPAddress.Loopback, 0), manager.AcceptAsync, NullLogger.Instance);
        var harness = new PolicyHarness(manager, listener, log);
        harness._owned.Add(manager);
        harness._owned.Add(listener);
        return harness;
    }

    public static LocalNode Local(StaticKey key, TimeSpan? handshakeTimeout = null) =>
        new(key, LightningNetwork.Regtest, OurFeatures.Init, handshakeTimeout ?? TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(10));

    /// <summary>A new peer that dials the manager and completes init on both ends; returns its own manager.</summary>
    public async Task<PeerManager> ConnectPeerAsync()
    {
        var peer = new PeerManager(Local(StaticKey.Generate()), new PeerDialer(new DialerOptions()), TimeProvider.System, NullLogger.Instance);
        _owned.Add(peer);
        var outcome = await peer.ConnectAsync(Manager.Local.Id, [Listener.Bound], Deadline);
        Assert.True(outcome.Succeeded, outcome.ErrorMessage);

        // The dialler is done when it has our init; we are done when we have its init: wait for our side too.
        await Eventually.TrueAsync(() => Manager.TryGetPeer(peer.Local.Id, out _) || outcome.Connection!.IsClosing, "the manager registering the peer");
        return peer;
    }

    /// <summary>A TCP connection to the manager that never sends a byte.</summary>
    public async Task<Socket> ConnectRawAsync(IPAddress? from = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _raw.Add(socket);
        if (from is not null)
        {
            socket.Bind(new IPEndPoint(from, 0));
        }

        await socket.ConnectAsync(IPAddress.Loopback, Listener.Bound.Port);
        return socket;
    }

    /// <summary>True once the other end closed <paramref name="socket"/> (EOF or reset); false at the deadline.</summary>
    public static async Task<bool> ClosedByPeerAsync(Socket socket, TimeSpan? deadline = null)
    {
        using var cts = new CancellationTokenSource(deadline ?? Deadline);
        var buffer = new byte[64];
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token) > 0)
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

    /// <summary>The first log line containing every fragment, waiting for it.</summary>
    public async Task<string> LogLineAsync(params string[] fragments)
    {
        string? found = null;
        await Eventually.TrueAsync(
            () => (found = Log.Lines.Select(l => l.Text).FirstOrDefault(t => fragments.All(f => t.Contains(f, StringComparison.Ordinal)))) is not null,
            $"a log line with [{string.Join(", ", fragments)}]; have:\n{string.Join('\n', Log.Lines.Select(l => l.Text))}");
        return found!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var socket in _raw)
        {
            socket.Dispose();
        }

        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }
}
