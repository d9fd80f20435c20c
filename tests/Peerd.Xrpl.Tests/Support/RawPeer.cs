using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Google.Protobuf;
using Peerd.Xrpl.Protocol.Framing;
using Peerd.Xrpl.Protocol.Handshake;
using Peerd.Xrpl.Protocol.Identity;
using Peerd.Xrpl.Protocol.Messages;
using Peerd.Xrpl.Tls;

namespace Peerd.Xrpl.Tests.Support;

/// <summary>
/// A hand-driven XRPL peer for tests: real TCP and TLS, the real upgrade builder, and a hook to change any header
/// before it is sent (wrong signature, other network, skewed clock…), then raw frames.
/// </summary>
public sealed class RawPeer : IAsyncDisposable
{
    private static readonly XrplTls Tls = new();
    private readonly Socket _socket;
    private readonly SslStream _ssl;
    private readonly PipeReader _reader;

    private RawPeer(Socket socket, SslStream ssl)
    {
        _socket = socket;
        _ssl = ssl;
        _reader = PipeReader.Create(ssl, new StreamPipeReaderOptions(leaveOpen: true));
    }

    public NodeIdentity Identity { get; private set; } = NodeIdentity.FromSeed(FamilySeed.FromPassphrase("raw peer"));

    public byte[] SharedValue { get; private set; } = [];

    public HttpResponseHead? Response { get; private set; }

    public static async Task<RawPeer> ConnectTlsAsync(IPEndPoint endpoint)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(endpoint);
        var ssl = new SslStream(new NetworkStream(socket, ownsSocket: true));
        await ssl.AuthenticateAsClientAsync(Tls.ClientOptions());
        var peer = new RawPeer(socket, ssl);
        var (local, remote) = TlsFinishedMessages.Get(ssl);
        var shared = new byte[Protocol.Handshake.SharedValue.Length];
        Assert.Equal(SharedValueError.None, Protocol.Handshake.SharedValue.TryCompute(local, remote, shared));
        peer.SharedValue = shared;
        return peer;
    }

    /// <summary>Connects, sends an upgrade request (changed by <paramref name="edit"/>), and reads the response head.</summary>
    public static async Task<RawPeer> HandshakeAsync(IPEndPoint endpoint, Action<HttpHeaders>? edit = null, uint? networkId = null, NodeIdentity? identity = null, DateTimeOffset? now = null)
    {
        var peer = await ConnectTlsAsync(endpoint);
        peer.Identity = identity ?? peer.Identity;
        var request = UpgradeMessages.BuildRequest(peer.Identity, peer.SharedValue, new HandshakeSettings("raw-peer-1.0", networkId), now ?? DateTimeOffset.UtcNow, endpoint.Address);
        edit?.Invoke(request.Headers);
        await peer.WriteAsync(request.ToBytes());
        peer.Response = await peer.ReadResponseAsync();
        return peer;
    }

    public async Task WriteAsync(byte[] bytes)
    {
        await _ssl.WriteAsync(bytes);
        await _ssl.FlushAsync();
    }

    public Task SendAsync(IMessage message) => WriteAsync(XrplFrameWriter.Encode(message));

    /// <summary>Reads the next frame; null when the node closed the connection.</summary>
    public async Task<(XrplMessageType Type, byte[] Payload)?> ReadFrameAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var result = await _reader.ReadAsync(timeout.Token);
            var buffer = result.Buffer;
            var status = XrplFrameReader.TryReadFrame(buffer, false, out var frame, out var consumed, out var examined, out var error);
            if (status == OperationStatus.Done)
            {
                var read = (frame.Header.Type, frame.Payload.ToArray());
                _reader.AdvanceTo(consumed, examined);
                return read;
            }

            Assert.True(status != OperationStatus.InvalidData, $"bad frame ({error}): {Convert.ToHexString(buffer.Slice(0, Math.Min(buffer.Length, 32)).ToArray())}");
            _reader.AdvanceTo(consumed, examined);
            if (result.IsCompleted)
            {
                return null;
            }
        }
    }

    /// <summary>Reads frames until one of <paramref name="type"/> arrives (answering nothing).</summary>
    public async Task<T?> ReadMessageAsync<T>(XrplMessageType type, MessageParser<T> parser)
        where T : IMessage<T>
    {
        while (await ReadFrameAsync() is { } frame)
        {
            if (frame.Type == type)
            {
                return parser.ParseFrom(frame.Payload);
            }
        }

        return default;
    }

    private async Task<HttpResponseHead> ReadResponseAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var result = await _reader.ReadAsync(timeout.Token);
            var buffer = result.Buffer;
            var status = HttpHeadParser.TryParseResponse(buffer, out var head, out var consumed, out _);
            if (status == OperationStatus.Done)
            {
                _reader.AdvanceTo(consumed);
                return head!;
            }

            Assert.Equal(OperationStatus.NeedMoreData, status);
            Assert.False(result.IsCompleted, "the node closed the connection before answering");
            _reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Reads whatever body follows a refused upgrade.</summary>
    public async Task<byte[]> ReadBodyAsync(int length)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var result = await _reader.ReadAsync(timeout.Token);
            if (result.Buffer.Length >= length || result.IsCompleted)
            {
                var body = result.Buffer.Slice(0, Math.Min(length, result.Buffer.Length)).ToArray();
                _reader.AdvanceTo(result.Buffer.End);
                return body;
            }

            _reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _reader.CompleteAsync();
        await _ssl.DisposeAsync();
        _socket.Dispose();
    }
}
