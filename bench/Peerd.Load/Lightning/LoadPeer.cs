using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Peerd.Crypto;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Protocol.Framing;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Lightning.Protocol.Noise;

namespace Peerd.Load.Lightning;

/// <summary>
/// The load tool's side of one Lightning connection: a BOLT 8 initiator built on Peerd's own Noise classes, the
/// BOLT 1 <c>init</c> exchange, and plain send/receive of messages. Lean on purpose (a bare socket, one receive
/// buffer, no pipes), because the load tool shares the machine's cores with the daemon it measures.
/// </summary>
internal sealed class LoadPeer : IAsyncDisposable, IDisposable
{
    /// <summary>Linux <c>IP_BIND_ADDRESS_NO_PORT</c>: choose the source port at connect time, per 4-tuple.</summary>
    private const int IpBindAddressNoPort = 24;

    private static readonly byte[] InitMessageBytes =
        new InitMessage(OurFeatures.Init, [LightningNetwork.Regtest.ChainHash]).ToArray();

    private readonly Socket _socket;
    private readonly NoiseTransport _transport;
    private readonly Bolt8FrameReader _frames;
    private byte[] _received;
    private byte[] _message;
    private int _start;
    private int _end;

    private LoadPeer(Socket socket, NoiseTransport transport, int receiveBufferSize)
    {
        _socket = socket;
        _transport = transport;
        _frames = new Bolt8FrameReader(transport.Receiver);
        _received = new byte[receiveBufferSize];
        _message = new byte[Math.Min(receiveBufferSize, Bolt8Constants.MaxMessageLength)];
    }

    /// <summary>The plaintext of the last message received (valid until the next receive).</summary>
    public ReadOnlySpan<byte> Message => _message.AsSpan(0, MessageLength);

    /// <summary>The length of the last message received.</summary>
    public int MessageLength { get; private set; }

    /// <summary>The type of the last message received.</summary>
    public ushort MessageType => BinaryPrimitives.ReadUInt16BigEndian(_message);

    /// <summary>
    /// Opens a TCP connection from <paramref name="source"/> (any port), runs the handshake and exchanges
    /// <c>init</c>; returns once the daemon's <c>init</c> has arrived.
    /// </summary>
    public static async Task<LoadPeer> ConnectAsync(
        IPEndPoint server, byte[] serverId, IPAddress source, StaticKey key, int receiveBufferSize, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.SetRawSocketOption((int)SocketOptionLevel.IP, IpBindAddressNoPort, BitConverter.GetBytes(1));
            socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(server, cancellationToken).ConfigureAwait(false);

            Span<byte> ephemeral = stackalloc byte[Secp256k1.PrivateKeyLength];
            StaticKey.GeneratePrivateKey(ephemeral);
            var handshake = new InitiatorHandshake(key, serverId, ephemeral);
            var buffer = new byte[Bolt8Constants.ActThreeLength + NoiseEncryptor.PacketLength(InitMessageBytes.Length)];
            handshake.WriteActOne(buffer.AsSpan(0, Bolt8Constants.ActOneLength));
            await SendAllAsync(socket, buffer.AsMemory(0, Bolt8Constants.ActOneLength), cancellationToken).ConfigureAwait(false);
            await ReceiveExactlyAsync(socket, buffer.AsMemory(0, Bolt8Constants.ActTwoLength), cancellationToken).ConfigureAwait(false);
            if (handshake.ReadActTwo(buffer.AsSpan(0, Bolt8Constants.ActTwoLength)) is var error && error != HandshakeError.None)
            {
                throw new IOException($"act two rejected: {error}");
            }

            // Act Three and our init leave in one segment, as the daemon's act two and init arrive.
            var transport = handshake.WriteActThree(buffer.AsSpan(0, Bolt8Constants.ActThreeLength));
            transport.Sender.Encrypt(InitMessageBytes, buffer.AsSpan(Bolt8Constants.ActThreeLength));
            await SendAllAsync(socket, buffer, cancellationToken).ConfigureAwait(false);

            var peer = new LoadPeer(socket, transport, receiveBufferSize);
            while (await peer.ReceiveAsync(cancellationToken).ConfigureAwait(false))
            {
                if (peer.MessageType == (ushort)Peerd.Lightning.Protocol.Messages.MessageType.Init)
                {
                    return peer;
                }
            }

            throw new IOException("the daemon closed the connection before its init");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// <see cref="ConnectAsync"/> with blocking calls, for a worker thread of its own: the cheapest client the
    /// handshake measurement can have (no event loop, no thread-pool hand-offs), so the daemon gets the CPU.
    /// </summary>
    public static LoadPeer Connect(IPEndPoint server, byte[] serverId, IPAddress source, StaticKey key, int receiveBufferSize)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.SetRawSocketOption((int)SocketOptionLevel.IP, IpBindAddressNoPort, BitConverter.GetBytes(1));
            socket.Bind(new IPEndPoint(source, 0));
            socket.Connect(server);

            Span<byte> ephemeral = stackalloc byte[Secp256k1.PrivateKeyLength];
            StaticKey.GeneratePrivateKey(ephemeral);
            var handshake = new InitiatorHandshake(key, serverId, ephemeral);
            var buffer = new byte[Bolt8Constants.ActThreeLength + NoiseEncryptor.PacketLength(InitMessageBytes.Length)];
            handshake.WriteActOne(buffer.AsSpan(0, Bolt8Constants.ActOneLength));
            socket.Send(buffer.AsSpan(0, Bolt8Constants.ActOneLength));
            for (var read = 0; read < Bolt8Constants.ActTwoLength;)
            {
                var n = socket.Receive(buffer.AsSpan(read, Bolt8Constants.ActTwoLength - read));
                read += n > 0 ? n : throw new IOException("the daemon closed the connection during the handshake");
            }

            if (handshake.ReadActTwo(buffer.AsSpan(0, Bolt8Constants.ActTwoLength)) is var error && error != HandshakeError.None)
            {
                throw new IOException($"act two rejected: {error}");
            }

            var transport = handshake.WriteActThree(buffer.AsSpan(0, Bolt8Constants.ActThreeLength));
            transport.Sender.Encrypt(InitMessageBytes, buffer.AsSpan(Bolt8Constants.ActThreeLength));
            socket.Send(buffer);

            var peer = new LoadPeer(socket, transport, receiveBufferSize);
            while (peer.Receive())
            {
                if (peer.MessageType == (ushort)Peerd.Lightning.Protocol.Messages.MessageType.Init)
                {
                    return peer;
                }
            }

            throw new IOException("the daemon closed the connection before its init");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Encrypts <paramref name="message"/> into <paramref name="packet"/>; returns the bytes written.</summary>
    public int Encrypt(ReadOnlySpan<byte> message, Span<byte> packet) => _transport.Sender.Encrypt(message, packet);

    /// <summary>Encrypts and sends one message.</summary>
    public async Task SendMessageAsync(byte[] message, CancellationToken cancellationToken)
    {
        var packet = ArrayPool<byte>.Shared.Rent(NoiseEncryptor.PacketLength(message.Length));
        try
        {
            var length = Encrypt(message, packet);
            await SendAllAsync(_socket, packet.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(packet);
        }
    }

    /// <summary>Sends bytes already encrypted with <see cref="Encrypt"/>.</summary>
    public Task SendPacketsAsync(ReadOnlyMemory<byte> packets, CancellationToken cancellationToken) =>
        SendAllAsync(_socket, packets, cancellationToken);

    /// <summary>Receives the next message into <see cref="Message"/>; false when the daemon closed the connection.</summary>
    public async ValueTask<bool> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryReadBuffered(out var needed))
            {
                return true;
            }

            MakeRoom(needed);
            var read = await _socket.ReceiveAsync(_received.AsMemory(_end), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return false;
            }

            _end += read;
        }
    }

    /// <summary><see cref="ReceiveAsync"/>, blocking.</summary>
    public bool Receive()
    {
        while (true)
        {
            if (TryReadBuffered(out var needed))
            {
                return true;
            }

            MakeRoom(needed);
            var read = _socket.Receive(_received.AsSpan(_end));
            if (read == 0)
            {
                return false;
            }

            _end += read;
        }
    }

    private void MakeRoom(int needed)
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_end == _received.Length || _received.Length - _start < needed)
        {
            Buffer.BlockCopy(_received, _start, _received, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_received.Length < needed)
        {
            Array.Resize(ref _received, Math.Max(needed, 2 * _received.Length));
        }
    }

    /// <summary>Closes the connection (a normal FIN; the daemon sees the peer hang up).</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose()
    {
        _socket.Dispose();
        _transport.Dispose();
    }

    private bool TryReadBuffered(out int needed)
    {
        while (true)
        {
            var input = new ReadOnlySequence<byte>(_received, _start, _end - _start);
            var status = _frames.TryReadMessage(input, _message, out var length, out var consumed, out _, out var error);
            _start += (int)input.Slice(0, consumed).Length;
            switch (status)
            {
                case OperationStatus.Done:
                    MessageLength = length;
                    needed = 0;
                    return true;
                case OperationStatus.DestinationTooSmall:
                    _message = new byte[Bolt8Constants.MaxMessageLength];
                    continue;
                case OperationStatus.InvalidData:
                    throw new IOException($"bad frame from the daemon: {error}");
            }

            // NeedMoreData: room for the rest of the frame whose prefix is decrypted, or for the next prefix.
            var pending = _transport.Receiver.PendingMessageLength;
            needed = pending < 0 ? Bolt8Constants.EncryptedLengthPrefixLength : pending + Bolt8Constants.MacLength;
            return false;
        }
    }

    private static async Task SendAllAsync(Socket socket, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        while (!data.IsEmpty)
        {
            var sent = await socket.SendAsync(data, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            data = data[sent..];
        }
    }

    private static async Task ReceiveExactlyAsync(Socket socket, Memory<byte> destination, CancellationToken cancellationToken)
    {
        while (!destination.IsEmpty)
        {
            var read = await socket.ReceiveAsync(destination, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("the daemon closed the connection during the handshake");
            }

            destination = destination[read..];
        }
    }
}
