using Peerd.Crypto;
using Peerd.Lightning.Protocol.Noise;

namespace Peerd.Lightning.Protocol.Tests.Noise;

public class NoiseTransportTests
{
    [Fact]
    public void InitiatorAndResponderWithRandomKeysTalkBothWays()
    {
        for (var round = 0; round < 8; round++)
        {
            var initiatorKey = StaticKey.Generate();
            var responderKey = StaticKey.Generate();
            var (initiator, responder) = Handshake(initiatorKey, responderKey);
            using var _ = initiator;
            using var __ = responder;

            // Enough messages each way to cross a key rotation (every 500 messages).
            var random = new Random(round);
            for (var i = 0; i < 600; i++)
            {
                var message = new byte[random.Next(0, 300)];
                random.NextBytes(message);
                Assert.Equal(message, SendAndReceive(initiator.Sender, responder.Receiver, message));
                Assert.Equal(message, SendAndReceive(responder.Sender, initiator.Receiver, message));
            }
        }
    }

    [Fact]
    public void InitiatorDiallingTheWrongNodeIsRejectedInActOne()
    {
        var responder = new ResponderHandshake(StaticKey.Generate(), Ephemeral());
        var initiator = new InitiatorHandshake(StaticKey.Generate(), StaticKey.Generate().PublicKey, Ephemeral());
        var actOne = new byte[Bolt8Constants.ActOneLength];
        initiator.WriteActOne(actOne);
        Assert.Equal(HandshakeError.ActOneBadTag, responder.ReadActOne(actOne));
    }

    internal static (NoiseTransport Initiator, NoiseTransport Responder) Handshake(IStaticKey initiatorKey, IStaticKey responderKey)
    {
        var initiator = new InitiatorHandshake(initiatorKey, responderKey.PublicKey, Ephemeral());
        var responder = new ResponderHandshake(responderKey, Ephemeral());

        var actOne = new byte[Bolt8Constants.ActOneLength];
        initiator.WriteActOne(actOne);
        Assert.Equal(HandshakeError.None, responder.ReadActOne(actOne));

        var actTwo = new byte[Bolt8Constants.ActTwoLength];
        responder.WriteActTwo(actTwo);
        Assert.Equal(HandshakeError.None, initiator.ReadActTwo(actTwo));

        var actThree = new byte[Bolt8Constants.ActThreeLength];
        var initiatorTransport = initiator.WriteActThree(actThree);
        Assert.Equal(HandshakeError.None, responder.ReadActThree(actThree, out var responderTransport));
        Assert.Equal(initiatorKey.PublicKey.ToArray(), responder.RemoteStaticPublicKey);
        return (initiatorTransport, responderTransport!);
    }

    private static byte[] SendAndReceive(NoiseEncryptor sender, NoiseDecryptor receiver, byte[] message)
    {
        var packet = new byte[NoiseEncryptor.PacketLength(message.Length)];
        sender.Encrypt(message, packet);
        return NoiseDecryptorTests.Decrypt(receiver, packet);
    }

    private static byte[] Ephemeral()
    {
        var key = new byte[Secp256k1.PrivateKeyLength];
        StaticKey.GeneratePrivateKey(key);
        return key;
    }
}
