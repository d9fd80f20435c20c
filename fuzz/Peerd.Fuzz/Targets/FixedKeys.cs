using Peerd.Crypto;
using Peerd.Lightning.Protocol.Noise;
using Peerd.Primitives;

namespace Peerd.Fuzz.Targets;

/// <summary>The BOLT 8 Appendix A keys, so every run starts from the same valid acts and the same transport keys.</summary>
internal static class FixedKeys
{
    public static StaticKey InitiatorStatic { get; } = new(Hex.Decode("1111111111111111111111111111111111111111111111111111111111111111"));

    public static byte[] InitiatorEphemeral { get; } = Hex.Decode("1212121212121212121212121212121212121212121212121212121212121212");

    public static StaticKey ResponderStatic { get; } = new(Hex.Decode("2121212121212121212121212121212121212121212121212121212121212121"));

    public static byte[] ResponderEphemeral { get; } = Hex.Decode("2222222222222222222222222222222222222222222222222222222222222222");

    public static InitiatorHandshake NewInitiator() => new(InitiatorStatic, ResponderStatic.PublicKey, InitiatorEphemeral);

    public static ResponderHandshake NewResponder() => new(ResponderStatic, ResponderEphemeral);

    /// <summary>One valid handshake between the fixed keys: the three acts as sent, and both ends' transports.</summary>
    public static (byte[] ActOne, byte[] ActTwo, byte[] ActThree, NoiseTransport Initiator, NoiseTransport Responder) Handshake()
    {
        var initiator = NewInitiator();
        var responder = NewResponder();
        var actOne = new byte[Bolt8Constants.ActOneLength];
        var actTwo = new byte[Bolt8Constants.ActTwoLength];
        var actThree = new byte[Bolt8Constants.ActThreeLength];
        initiator.WriteActOne(actOne);
        Check(responder.ReadActOne(actOne));
        responder.WriteActTwo(actTwo);
        Check(initiator.ReadActTwo(actTwo));
        var initiatorTransport = initiator.WriteActThree(actThree);
        Check(responder.ReadActThree(actThree, out var responderTransport));
        return (actOne, actTwo, actThree, initiatorTransport, responderTransport!);
    }

    private static void Check(HandshakeError error) =>
        FuzzInvariantException.Check(error == HandshakeError.None, $"the fixed-key handshake failed: {error}");
}
