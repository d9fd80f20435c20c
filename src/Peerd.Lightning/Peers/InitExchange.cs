using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Peerd.Lightning.Metrics;
using Peerd.Lightning.Protocol.Addresses;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Protocol.Framing;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Lightning.Protocol.Noise;
using Peerd.Lightning.Transport;

namespace Peerd.Lightning.Peers;

/// <summary>
/// The BOLT 1 <c>init</c> exchange right after the handshake: we send ours at once (features, <c>networks</c> with
/// our chain, <c>remote_addr</c> on inbound connections from routable addresses), then read until the peer's
/// <c>init</c>, skipping unknown odd messages. Unknown even features, missing dependencies and no common chain are
/// answered with a <c>warning</c> and refused.
/// </summary>
internal static class InitExchange
{
    /// <summary>
    /// Sends our <c>init</c> (after <paramref name="before"/>, the initiator's Act Three, in the same write: one
    /// segment, one wake-up of the responder) and reads until the peer's.
    /// </summary>
    public static async Task<FeatureBits> RunAsync(
        Stream stream, PipeReader reader, NoiseTransport transport, LocalNode local, PeerEndpoint remote, bool inbound,
        ReadOnlyMemory<byte> before, CancellationToken cancellationToken)
    {
        var ours = new InitMessage(local.InitFeatures, [local.Network.ChainHash], inbound ? RemoteAddressFor(remote) : null).ToArray();
        var packet = new byte[before.Length + NoiseEncryptor.PacketLength(ours.Length)];
        before.CopyTo(packet);
        transport.Sender.Encrypt(ours, packet.AsSpan(before.Length));
        LightningMetrics.Sent(ours);
        await stream.WriteAsync(packet, cancellationToken).ConfigureAwait(false);

        var frames = new Bolt8FrameReader(transport.Receiver);
        var message = ArrayPool<byte>.Shared.Rent(Bolt8Constants.MaxMessageLength);
        try
        {
            return await ReadInitAsync(stream, reader, transport, local, frames, message, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(message);
        }
    }

    private static async Task<FeatureBits> ReadInitAsync(
        Stream stream, PipeReader reader, NoiseTransport transport, LocalNode local, Bolt8FrameReader frames, byte[] message, CancellationToken cancellationToken)
    {
        while (true)
        {
            var length = await ReadMessageAsync(reader, frames, message, cancellationToken).ConfigureAwait(false);
            LightningMetrics.Received(message.AsSpan(0, length));
            var decoded = LightningMessageDecoder.Decode(message.AsSpan(0, length));
            if (decoded.Type != (ushort)MessageType.Init)
            {
                // Core Lightning skips unknown odd messages before init (is_unknown_msg_discardable); anything else
                // is a peer that does not speak BOLT 1.
                if (decoded.Outcome is DecodeOutcome.UnknownOdd || (decoded.Outcome is DecodeOutcome.Ignored && (decoded.Type & 1) == 1))
                {
                    continue;
                }

                throw new ConnectFailedException(ConnectStage.Init, $"Protocol error: expected init, got {MessageNames.Of(decoded.Type)}");
            }

            if (decoded.Message is not InitMessage init)
            {
                throw new ConnectFailedException(ConnectStage.Init, $"Protocol error: bad init: {decoded.Reason}");
            }

            var features = init.CombinedFeatures;
            var featureError = FeatureValidator.Validate(features);
            if (featureError is { } error)
            {
                await WarnAsync(stream, transport.Sender, error.Message, cancellationToken).ConfigureAwait(false);
                throw new ConnectFailedException(ConnectStage.Init, error.Message);
            }

            if (!init.SupportsChain(local.Network.ChainHash))
            {
                await WarnAsync(stream, transport.Sender, "No common network", cancellationToken).ConfigureAwait(false);
                throw new ConnectFailedException(ConnectStage.Init, "No common network");
            }

            return features;
        }
    }

    /// <summary>
    /// BOLT 1: "SHOULD set remote_addr to reflect the remote IP address (and port) of an incoming connection" and
    /// "MUST NOT set private addresses as remote_addr".
    /// </summary>
    internal static WireAddress? RemoteAddressFor(PeerEndpoint remote)
    {
        if (remote.Kind != EndpointKind.Ip || !IsRoutable(remote.Ip!))
        {
            return null;
        }

        return WireAddress.FromIPAddress(remote.Ip!, (ushort)remote.Port);
    }

    /// <summary>False for loopback, private, link-local, CGNAT, unique-local and unspecified addresses.</summary>
    internal static bool IsRoutable(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) ||
                     (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || b[0] == 0 || b[0] >= 224);
        }

        var v6 = address.GetAddressBytes();
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (v6[0] & 0xfe) == 0xfc);
    }

    private static async Task WarnAsync(Stream stream, NoiseEncryptor encryptor, string text, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(stream, encryptor, WarningMessage.FromText(text).ToArray(), cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The warning is a courtesy; the connection is being refused either way.
        }
    }

    private static async Task SendAsync(Stream stream, NoiseEncryptor encryptor, byte[] message, CancellationToken cancellationToken)
    {
        var packet = new byte[NoiseEncryptor.PacketLength(message.Length)];
        encryptor.Encrypt(message, packet);
        LightningMetrics.Sent(message);
        await stream.WriteAsync(packet, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> ReadMessageAsync(PipeReader reader, Bolt8FrameReader frames, byte[] message, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var status = frames.TryReadMessage(result.Buffer, message, out var length, out var consumed, out var examined, out var error);
            reader.AdvanceTo(consumed, examined);
            switch (status)
            {
                case OperationStatus.Done:
                    return length;
                case OperationStatus.InvalidData:
                    throw new ConnectFailedException(ConnectStage.Init, $"Protocol error: {error}");
            }

            if (result.IsCompleted)
            {
                throw new ConnectFailedException(ConnectStage.Init, "peer closed connection");
            }
        }
    }
}
