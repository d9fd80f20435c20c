using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using Peerd.Crypto;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Protocol.Framing;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Lightning.Protocol.Noise;
using Peerd.Primitives;

namespace Peerd.Samples.Handshake;

/// <summary>A BOLT 8 handshake as the initiator, then BOLT 1's <c>init</c> exchange, over a plain TCP socket.</summary>
internal static class LightningHandshake
{
    public static async Task<string> RunAsync(string target, string networkName, CancellationToken cancellationToken)
    {
        var at = target.LastIndexOf('@');
        if (at <= 0 || !Hex.TryDecode(target.AsSpan(0, at), out var remoteId) || remoteId.Length != 33)
        {
            throw new HandshakeFailedException($"expected <66 hex digits>@host:port, not '{target}'");
        }

        if (!LightningNetwork.TryParse(networkName, out var network))
        {
            throw new HandshakeFailedException($"unknown network '{networkName}'");
        }

        var (host, port) = Endpoint.Parse(target[(at + 1)..]);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(host, port, cancellationToken);
        await using var stream = new NetworkStream(socket, ownsSocket: false);

        // Acts one to three: our node key is a fresh one, the ephemeral key is used once.
        var nodeKey = StaticKey.Generate();
        var handshake = new InitiatorHandshake(nodeKey, remoteId, EphemeralKeyPair.Generate());
        var act = new byte[Bolt8Constants.ActThreeLength];
        handshake.WriteActOne(act.AsSpan(0, Bolt8Constants.ActOneLength));
        await stream.WriteAsync(act.AsMemory(0, Bolt8Constants.ActOneLength), cancellationToken);
        await stream.ReadExactlyAsync(act.AsMemory(0, Bolt8Constants.ActTwoLength), cancellationToken);
        var error = handshake.ReadActTwo(act.AsSpan(0, Bolt8Constants.ActTwoLength));
        if (error != HandshakeError.None)
        {
            throw new HandshakeFailedException($"act two: {error}");
        }

        using var transport = handshake.WriteActThree(act);
        await stream.WriteAsync(act, cancellationToken);

        // init: our features and the one chain we speak for; the peer's init must be its first message.
        var init = new InitMessage(OurFeatures.Init, [network.ChainHash]).ToArray();
        var packet = new byte[NoiseEncryptor.PacketLength(init.Length)];
        var length = transport.Sender.Encrypt(init, packet);
        await stream.WriteAsync(packet.AsMemory(0, length), cancellationToken);

        var theirs = await ReadMessageAsync(PipeReader.Create(stream), new Bolt8FrameReader(transport.Receiver), cancellationToken);
        if (!InitMessage.TryDecode(theirs, out var peerInit, out var failure))
        {
            throw new HandshakeFailedException($"the first message is not a valid init: {failure}");
        }

        if (!peerInit.SupportsChain(network.ChainHash))
        {
            throw new HandshakeFailedException($"the peer is not on {network.Name}");
        }

        return $"lightning: handshake and init complete with {Hex.Encode(remoteId)} as {Hex.Encode(nodeKey.PublicKey)}: features {peerInit.CombinedFeatures.ToHex()}";
    }

    private static async Task<byte[]> ReadMessageAsync(PipeReader input, Bolt8FrameReader frames, CancellationToken cancellationToken)
    {
        var message = new byte[Bolt8Constants.MaxMessageLength];
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken);
            var status = frames.TryReadMessage(result.Buffer, message, out var length, out var consumed, out var examined, out var error);
            input.AdvanceTo(consumed, examined);
            switch (status)
            {
                case OperationStatus.Done:
                    return message[..length];
                case OperationStatus.InvalidData:
                    throw new HandshakeFailedException($"bad packet: {error}");
                case OperationStatus.NeedMoreData when result.IsCompleted:
                    throw new HandshakeFailedException("the peer closed the connection before its init");
            }
        }
    }
}
