using Peerd.Crypto;
using Peerd.Lightning.Node;
using Peerd.Lightning.Protocol.Noise;

namespace Peerd.Lightning.Peers;

/// <summary>
/// An initiator's handshake up to Act One: an ephemeral key (from <see cref="EphemeralKeyReserve"/>) and the act's
/// 50 bytes (the <c>es</c> ECDH). It needs no socket, so it is made while the dial is in flight and the TCP handshake's round trip
/// hides its cost. Used for one connection only.
/// </summary>
public sealed class OutboundOpening
{
    private OutboundOpening(InitiatorHandshake handshake, byte[] act)
    {
        Handshake = handshake;
        Act = act;
    }

    /// <summary>The handshake, ready to read Act Two.</summary>
    internal InitiatorHandshake Handshake { get; }

    /// <summary>Act One in its first 50 bytes; room for Act Three (66) after it, written in place later.</summary>
    internal byte[] Act { get; }

    /// <summary>Takes an ephemeral key from the reserve and writes Act One to <paramref name="remote"/>.</summary>
    public static OutboundOpening Create(IStaticKey key, NodeId remote)
    {
        var handshake = new InitiatorHandshake(key, remote.Bytes, EphemeralKeyReserve.Shared.Take());
        var act = new byte[Bolt8Constants.ActThreeLength];
        handshake.WriteActOne(act.AsSpan(0, Bolt8Constants.ActOneLength));
        return new OutboundOpening(handshake, act);
    }
}
