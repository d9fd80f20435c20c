using System.Net;
using System.Net.Sockets;
using Peerd.Crypto;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Lightning.Protocol.Noise;
using Peerd.Primitives;

namespace Peerd.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A hand-driven Lightning peer for hostile tests: raw bytes when a test wants to misbehave, and a correct BOLT 8
/// initiator (Peerd's own state machine, already proven against the spec vectors) when it needs to get further.
/// </summary>
public sealed class RawLightningClient : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private NoiseTransport? _transport;

    private RawLightningClient(Socket socket, StaticKey? key)
    {
        _socket = socket;
        Key = key ?? StaticKey.Generate();
        _stream = new NetworkStream(socket, ownsSocket: true);
    }

    /// <summary>Our side's address as the daemon logs it, e.g. <c>127.0.0.1:40000</c>.</summary>
    public string LocalAddress => _socket.LocalEndPoint!.ToString()!;

    /// <summary>Our key.</summary>
    public StaticKey Key { get; }

    /// <summary>Opens a TCP connection to 127.0.0.1:<paramref name="port"/>, as <paramref name="key"/> (default: a new node).</summary>
    public static async Task<RawLightningClient> ConnectAsync(int port, StaticKey? key = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
        return new RawLightningClient(socket, key);
    }

    /// <summary>Writes raw bytes.</summary>
    public async Task SendRawAsync(byte[] bytes) => await _stream.WriteAsync(bytes).ConfigureAwait(false);

    /// <summary>Closes our sending side (the peer sees EOF).</summary>
    public void ShutdownSend() => _socket.Shutdown(SocketShutdown.Send);

    /// <summary>True when the peer closed the connection (EOF or reset) within the deadline.</summary>
    public async Task<bool> WaitClosedByPeerAsync()
    {
        using var cts = new CancellationTokenSource(ChildProcess.Deadline);
        var buffer = new byte[4096];
        try
        {
            while (await _stream.ReadAsync(buffer, cts.Token).ConfigureAwait(false) > 0)
            {
            }

            return true;
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Runs a correct initiator handshake to <paramref name="remoteNodeId"/>.</summary>
    public async Task HandshakeAsync(string remoteNodeId)
    {
        var ephemeral = new byte[32];
        StaticKey.GeneratePrivateKey(ephemeral);
        var handshake = new InitiatorHandshake(Key, Hex.Decode(remoteNodeId), ephemeral);
        var act = new byte[Bolt8Constants.ActThreeLength];
        handshake.WriteActOne(act.AsSpan(0, Bolt8Constants.ActOneLength));
        await _stream.WriteAsync(act.AsMemory(0, Bolt8Constants.ActOneLength)).ConfigureAwait(false);
        await _stream.ReadExactlyAsync(act.AsMemory(0, Bolt8Constants.ActTwoLength)).ConfigureAwait(false);
        Assert.Equal(HandshakeError.None, handshake.ReadActTwo(act.AsSpan(0, Bolt8Constants.ActTwoLength)));
        _transport = handshake.WriteActThree(act);
        await _stream.WriteAsync(act).ConfigureAwait(false);
    }

    /// <summary>Sends an encrypted message (type and payload).</summary>
    public async Task SendMessageAsync(byte[] message)
    {
        var packet = new byte[NoiseEncryptor.PacketLength(message.Length)];
        _transport!.Sender.Encrypt(message, packet);
        await _stream.WriteAsync(packet).ConfigureAwait(false);
    }

    /// <summary>Sends our <c>init</c> for <paramref name="network"/>.</summary>
    public Task SendInitAsync(LightningNetwork network, FeatureBits? features = null) =>
        SendMessageAsync(new InitMessage(features ?? OurFeatures.Init, [network.ChainHash]).ToArray());

    /// <summary>Reads and decrypts one message.</summary>
    public async Task<byte[]> ReadMessageAsync()
    {
        using var cts = new CancellationTokenSource(ChildProcess.Deadline);
        var header = new byte[Bolt8Constants.EncryptedLengthPrefixLength];
        await _stream.ReadExactlyAsync(header, cts.Token).ConfigureAwait(false);
        Assert.True(_transport!.Receiver.TryDecryptLength(header, out var length));
        var body = new byte[length + Bolt8Constants.MacLength];
        await _stream.ReadExactlyAsync(body, cts.Token).ConfigureAwait(false);
        var message = new byte[length];
        Assert.True(_transport.Receiver.TryDecryptMessage(body, message));
        return message;
    }

    /// <summary>Reads messages until one of <paramref name="type"/> arrives.</summary>
    public async Task<byte[]> ReadMessageOfTypeAsync(MessageType type)
    {
        while (true)
        {
            var message = await ReadMessageAsync().ConfigureAwait(false);
            if (message.Length >= 2 && (message[0] << 8 | message[1]) == (int)type)
            {
                return message;
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        _transport?.Dispose();
    }
}
