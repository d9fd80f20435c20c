using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Lightning.Protocol.Tests.Fuzzing;
using Peerd.TestKit.Fuzzing;
using Xunit.Abstractions;

namespace Peerd.Lightning.Protocol.Tests.Messages;

/// <summary>
/// Mutated BOLT 1 and BOLT 7 messages through the decoder a connection uses: every input is classified (decoded,
/// ignored, unknown, malformed with a reason), never thrown on; and whatever decodes re-encodes to bytes that decode
/// to the same encoding again (the codec is canonical after one pass).
/// </summary>
public class LightningMessageDecoderMutationTests(ITestOutputHelper output)
{
    [Fact]
    public void MutatedMessagesAreClassifiedAndWhatDecodesReEncodesStably()
    {
        Fuzzer.Run(new FuzzTarget("BOLT 1/7 message decoder", LightningCorpus.Messages, Decode) { Inputs = 50_000 }, output);
    }

    private static FuzzVerdict Decode(byte[] input)
    {
        var decoded = LightningMessageDecoder.Decode(input);
        if (decoded.Outcome == DecodeOutcome.Malformed)
        {
            Assert.False(string.IsNullOrEmpty(decoded.Reason));
            return FuzzVerdict.Rejected;
        }

        // The gossip queries are "ignored" by the connection but have their own decoders, which must hold too.
        var message = decoded.Message ?? DecodeQuery(input);
        if (message is null)
        {
            return decoded.Outcome == DecodeOutcome.Decoded ? FuzzVerdict.Decoded : FuzzVerdict.Rejected;
        }

        var once = message.ToArray();
        var again = LightningMessageDecoder.Decode(once).Message ?? DecodeQuery(once);
        Assert.NotNull(again);
        Assert.Equal(once, again.ToArray());
        return FuzzVerdict.Decoded;
    }

    private static ILightningMessage? DecodeQuery(byte[] input)
    {
        if (QueryChannelRange.TryDecode(input, out var queryRange, out _))
        {
            return queryRange;
        }

        if (ReplyChannelRange.TryDecode(input, out var replyRange, out _))
        {
            return replyRange;
        }

        if (QueryShortChannelIds.TryDecode(input, out var queryIds, out _))
        {
            return queryIds;
        }

        return ReplyShortChannelIdsEnd.TryDecode(input, out var end, out _) ? end : null;
    }
}
