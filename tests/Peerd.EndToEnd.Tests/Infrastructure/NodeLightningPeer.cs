using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Peerd.Crypto;
using Peerd.Primitives;

namespace Peerd.EndToEnd.Tests.Infrastructure;

/// <summary>
/// An independent Lightning peer: tests/interop/lightning/peer.js on @node-lightning/wire, run under Node.js.
/// </summary>
public sealed class NodeLightningPeer : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private NodeLightningPeer(ChildProcess process, byte[] secret)
    {
        _process = process;
        Secret = secret;
        NodeId = Hex.Encode(Secp256k1.CreatePublicKey(secret));
    }

    /// <summary>Its secret key.</summary>
    public byte[] Secret { get; }

    /// <summary>Its node id (hex).</summary>
    public string NodeId { get; }

    /// <summary>The port it listens on (server mode).</summary>
    public int Port { get; private set; }

    /// <summary>The underlying process.</summary>
    public ChildProcess Process => _process;

    /// <summary>Starts a listening peer on 127.0.0.1 with an ephemeral port.</summary>
    public static async Task<NodeLightningPeer> ListenAsync(string? chainHashHex = null)
    {
        var secret = NewSecret();
        var args = new List<string> { "lightning/peer.js", "server", "127.0.0.1", "0", Hex.Encode(secret) };
        if (chainHashHex is not null)
        {
            args.Add(chainHashHex);
        }

        var peer = new NodeLightningPeer(ChildProcess.Start("node", args, RepoPaths.Interop), secret);
        var listening = await peer._process.WaitForEventAsync("listening").ConfigureAwait(false);
        peer.Port = listening["port"]!.GetValue<int>();
        Assert.Equal(peer.NodeId, listening["pubkey"]!.GetValue<string>());
        return peer;
    }

    /// <summary>Starts a peer with <paramref name="secret"/> listening on <paramref name="host"/>:<paramref name="port"/>.</summary>
    public static async Task<NodeLightningPeer> ListenAsync(string host, int port, byte[] secret, string? chainHashHex = null)
    {
        var args = new List<string> { "lightning/peer.js", "server", host, port.ToString(System.Globalization.CultureInfo.InvariantCulture), Hex.Encode(secret) };
        if (chainHashHex is not null)
        {
            args.Add(chainHashHex);
        }

        var peer = new NodeLightningPeer(ChildProcess.Start("node", args, RepoPaths.Interop), secret);
        try
        {
            var listening = await peer._process.WaitForEventAsync("listening").ConfigureAwait(false);
            peer.Port = listening["port"]!.GetValue<int>();
            return peer;
        }
        catch
        {
            await peer.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts a peer that dials <paramref name="remoteNodeId"/> at host:port.</summary>
    public static NodeLightningPeer Dial(string host, int port, string remoteNodeId, string? chainHashHex = null)
    {
        var secret = NewSecret();
        var args = new List<string> { "lightning/peer.js", "client", host, port.ToString(System.Globalization.CultureInfo.InvariantCulture), Hex.Encode(secret), remoteNodeId };
        if (chainHashHex is not null)
        {
            args.Add(chainHashHex);
        }

        return new NodeLightningPeer(ChildProcess.Start("node", args, RepoPaths.Interop), secret);
    }

    /// <summary>Waits until the handshake and init exchange completed; returns the event (remote features, chains).</summary>
    public Task<JsonObject> WaitReadyAsync() => _process.WaitForEventAsync("ready");

    /// <summary>Waits for any named event.</summary>
    public Task<JsonObject> WaitForEventAsync(string name) => _process.WaitForEventAsync(name);

    /// <summary>Sends a ping asking for <paramref name="numPongBytes"/>.</summary>
    public Task PingAsync(int numPongBytes) => _process.SendLineAsync($"ping {numPongBytes}");

    /// <summary>Sends a raw message (type and payload).</summary>
    public Task SendRawAsync(string hex) => _process.SendLineAsync($"raw {hex}");

    /// <summary>Disconnects and exits.</summary>
    public Task CloseAsync() => _process.SendLineAsync("close");

    private static byte[] NewSecret()
    {
        while (true)
        {
            var secret = RandomNumberGenerator.GetBytes(32);
            if (Secp256k1.IsValidPrivateKey(secret))
            {
                return secret;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
