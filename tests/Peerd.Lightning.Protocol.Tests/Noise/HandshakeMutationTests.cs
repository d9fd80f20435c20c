using Peerd.Lightning.Protocol.Noise;
using Peerd.Lightning.Protocol.Tests.Fuzzing;
using Peerd.TestKit.Fuzzing;
using Xunit.Abstractions;

namespace Peerd.Lightning.Protocol.Tests.Noise;

/// <summary>
/// Mutated BOLT 8 acts: every one is answered with a <see cref="HandshakeError"/> (or, rarely, accepted), never an
/// exception, and no act allocates beyond a small fixed bound: the handshake works in fixed buffers.
/// </summary>
public class HandshakeMutationTests(ITestOutputHelper output)
{
    [Fact]
    public void MutatedActOnesAreRejectedWithATypedError()
    {
        var (actOne, _, _) = ValidActs();
        Fuzzer.Run(
            new FuzzTarget("BOLT 8 act one", [actOne], input =>
            {
                var responder = new ResponderHandshake(FixedKeys.ResponderStatic, FixedKeys.ResponderEphemeral);
                return Verdict(responder.ReadActOne(input));
            }) { Inputs = 4_000, AllocationBase = 8 * 1024, AllocationPerByte = 0 },
            output);
    }

    [Fact]
    public void MutatedActTwosAreRejectedWithATypedError()
    {
        var (_, actTwo, _) = ValidActs();
        Fuzzer.Run(
            new FuzzTarget("BOLT 8 act two", [actTwo], input =>
            {
                var initiator = NewInitiator();
                initiator.WriteActOne(new byte[Bolt8Constants.ActOneLength]);
                return Verdict(initiator.ReadActTwo(input));
            }) { Inputs = 3_000, AllocationBase = 8 * 1024, AllocationPerByte = 0 },
            output);
    }

    [Fact]
    public void MutatedActThreesAreRejectedWithATypedError()
    {
        var (actOne, _, actThree) = ValidActs();
        Fuzzer.Run(
            new FuzzTarget("BOLT 8 act three", [actThree], input =>
            {
                var responder = new ResponderHandshake(FixedKeys.ResponderStatic, FixedKeys.ResponderEphemeral);
                Assert.Equal(HandshakeError.None, responder.ReadActOne(actOne));
                responder.WriteActTwo(new byte[Bolt8Constants.ActTwoLength]);
                var error = responder.ReadActThree(input, out var transport);
                transport?.Dispose();
                return Verdict(error);
            }) { Inputs = 2_000, AllocationBase = 8 * 1024, AllocationPerByte = 0 },
            output);
    }

    private static FuzzVerdict Verdict(HandshakeError error) => error == HandshakeError.None ? FuzzVerdict.Decoded : FuzzVerdict.Rejected;

    private static InitiatorHandshake NewInitiator() =>
        new(FixedKeys.InitiatorStatic, FixedKeys.ResponderStatic.PublicKey, FixedKeys.InitiatorEphemeral);

    /// <summary>One valid handshake between the fixed keys: the three acts as sent.</summary>
    private static (byte[] ActOne, byte[] ActTwo, byte[] ActThree) ValidActs()
    {
        var initiator = NewInitiator();
        var responder = new ResponderHandshake(FixedKeys.ResponderStatic, FixedKeys.ResponderEphemeral);
        var actOne = new byte[Bolt8Constants.ActOneLength];
        var actTwo = new byte[Bolt8Constants.ActTwoLength];
        var actThree = new byte[Bolt8Constants.ActThreeLength];
        initiator.WriteActOne(actOne);
        Assert.Equal(HandshakeError.None, responder.ReadActOne(actOne));
        responder.WriteActTwo(actTwo);
        Assert.Equal(HandshakeError.None, initiator.ReadActTwo(actTwo));
        initiator.WriteActThree(actThree).Dispose();
        Assert.Equal(HandshakeError.None, responder.ReadActThree(actThree, out var transport));
        transport!.Dispose();
        return (actOne, actTwo, actThree);
    }
}
