using Peerd.Lightning.Protocol.Noise;

namespace Peerd.Fuzz.Targets;

/// <summary>
/// BOLT 8 acts as a peer sends them: the first byte picks the act (0: act one to a responder, 1: act two to an
/// initiator that sent act one, 2: act three to a responder that read act one), the rest is the act. Every act ends
/// in <see cref="HandshakeError.None"/> or a typed error.
/// </summary>
internal static class Bolt8Acts
{
    public static FuzzTarget Target { get; } = new("bolt8-acts", "selector byte (act 1/2/3) + the act", Seeds, Run);

    private static IEnumerable<byte[]> Seeds()
    {
        var (one, two, three, initiator, responder) = FixedKeys.Handshake();
        initiator.Dispose();
        responder.Dispose();
        return [[0, .. one], [1, .. two], [2, .. three]];
    }

    private static void Run(byte[] input)
    {
        if (input.Length == 0)
        {
            return;
        }

        var act = input.AsSpan(1);
        switch (input[0] % 3)
        {
            case 0:
                _ = FixedKeys.NewResponder().ReadActOne(act);
                break;
            case 1:
                var initiator = FixedKeys.NewInitiator();
                initiator.WriteActOne(new byte[Bolt8Constants.ActOneLength]);
                _ = initiator.ReadActTwo(act);
                break;
            default:
                var (one, _, _, sender, receiver) = FixedKeys.Handshake();
                sender.Dispose();
                receiver.Dispose();
                var responder = FixedKeys.NewResponder();
                FuzzInvariantException.Check(responder.ReadActOne(one) == HandshakeError.None, "a valid act one was refused");
                responder.WriteActTwo(new byte[Bolt8Constants.ActTwoLength]);
                var error = responder.ReadActThree(act, out var transport);
                FuzzInvariantException.Check(error == HandshakeError.None == transport is not null, "act three: a transport without success, or success without one");
                transport?.Dispose();
                break;
        }
    }
}
