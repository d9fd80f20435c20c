using Peerd.Crypto;
using Peerd.Lightning.Protocol.Noise;

namespace Peerd.Benchmarks;

/// <summary>Transport keys from a real handshake between two fresh keys, for the transport and framing suites.</summary>
internal static class Handshakes
{
    /// <summary>Runs Acts One to Three; returns the initiator's and the responder's transports.</summary>
    public static (NoiseTransport Initiator, NoiseTransport Responder) Complete()
    {
        var initiatorKey = StaticKey.Generate();
        var responderKey = StaticKey.Generate();
        var ephemeral = new byte[32];
        StaticKey.GeneratePrivateKey(ephemeral);
        var initiator = new InitiatorHandshake(initiatorKey, responderKey.PublicKey, ephemeral);
        StaticKey.GeneratePrivateKey(ephemeral);
        var responder = new ResponderHandshake(responderKey, ephemeral);
        var actOne = new byte[Bolt8Constants.ActOneLength];
        var actTwo = new byte[Bolt8Constants.ActTwoLength];
        var actThree = new byte[Bolt8Constants.ActThreeLength];
        initiator.WriteActOne(actOne);
        Check(responder.ReadActOne(actOne));
        responder.WriteActTwo(actTwo);
        Check(initiator.ReadActTwo(actTwo));
        var sending = initiator.WriteActThree(actThree);
        Check(responder.ReadActThree(actThree, out var receiving));
        return (sending, receiving!);
    }

    private static void Check(HandshakeError error)
    {
        if (error != HandshakeError.None)
        {
            throw new InvalidOperationException($"benchmark set-up handshake failed: {error}");
        }
    }
}
