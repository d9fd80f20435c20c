using Google.Protobuf;

namespace Peerd.Xrpl.Overlay;

/// <summary>
/// Receives what the overlay does not handle itself (everything but pings and endpoints), on the peer's read loop:
/// keep it quick and never throw for a peer's input. Also told when a peer becomes active.
/// </summary>
public interface IXrplMessageHandler
{
    /// <summary>A decoded message from <paramref name="peer"/>.</summary>
    void OnMessage(XrplPeer peer, IMessage message);

    /// <summary><paramref name="peer"/> finished its handshake and is about to start reading.</summary>
    void OnPeerActivated(XrplPeer peer);
}
