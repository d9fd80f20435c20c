using Microsoft.Extensions.Logging;
using Peerd.Lightning.Logging;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Peering;

namespace Peerd.Lightning.Peers;

/// <summary>
/// What a connected peer's messages mean to us (BOLT 1): pings are answered, pongs feed liveness, warnings and
/// errors are logged, unknown odd messages are ignored ("it's OK to be odd"), unknown even and malformed known
/// messages close the connection with a <c>warning</c> saying why. Everything else goes to the subscribers.
/// </summary>
internal static class PeerSession
{
    /// <summary>The pong length our pings ask for (Core Lightning asks for 1, without padding).</summary>
    public const ushort PingPongBytes = 1;

    public static byte[] NewPing() => new PingMessage(PingPongBytes).ToArray();

    public static void Handle(Peer peer, ReadOnlySpan<byte> message, TimeProvider time, ILogger logger, PeerConnection.MessageHandler? others)
    {
        var connection = peer.Connection;
        var decoded = LightningMessageDecoder.Decode(message);
        switch (decoded.Outcome)
        {
            case DecodeOutcome.Decoded:
                switch (decoded.Message)
                {
                    case PingMessage ping:
                        Log.PingReceived(logger, connection.NodeId.ToString(), ping.NumPongBytes);
                        if (ping.RequiresPong)
                        {
                            connection.TrySend(new PongMessage(ping.NumPongBytes).ToArray());
                        }

                        return;
                    case PongMessage pong:
                        peer.Ping.OnPong(time.GetTimestamp(), pong.BytesLength, time);
                        return;
                    case WarningMessage warning:
                        Log.WarningReceived(logger, connection.NodeId.ToString(), warning.DataText);
                        return;
                    case ErrorMessage error:
                        Log.ErrorReceived(logger, connection.NodeId.ToString(), error.DataText);
                        return;
                    case InitMessage:
                        CloseWithWarning(connection, logger, "init received twice");
                        return;
                }

                others?.Invoke(connection, message);
                return;
            case DecodeOutcome.Ignored:
            case DecodeOutcome.UnknownOdd:
                if (others is null)
                {
                    Log.IgnoredOddMessage(logger, connection.NodeId.ToString(), decoded.Type);
                }

                others?.Invoke(connection, message);
                return;
            default:
                CloseWithWarning(connection, logger, decoded.Reason ?? $"bad message {decoded.Type}");
                return;
        }
    }

    private static void CloseWithWarning(PeerConnection connection, ILogger logger, string reason)
    {
        connection.TrySend(WarningMessage.FromText(reason).ToArray());
        connection.FlushAndCloseAsync(reason, TimeSpan.FromSeconds(1)).Observe(e => Log.ConnectionFault(logger, e, connection.RemoteEndpoint.ToString()));
    }
}
