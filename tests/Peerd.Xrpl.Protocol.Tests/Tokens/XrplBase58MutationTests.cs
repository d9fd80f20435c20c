using System.Text;
using Peerd.TestKit.Fuzzing;
using Peerd.Xrpl.Protocol.Identity;
using Peerd.Xrpl.Protocol.Tokens;
using Xunit.Abstractions;

namespace Peerd.Xrpl.Protocol.Tests.Tokens;

/// <summary>
/// Mutated base58 text (node public keys, family seeds: what a peer's <c>Public-Key</c> header and an operator's
/// config carry) decodes or is refused, never thrown on; anything encoded decodes back.
/// </summary>
public class XrplBase58MutationTests(ITestOutputHelper output)
{
    [Fact]
    public void MutatedBase58TokensDecodeOrAreRefused()
    {
        var seed = FamilySeed.FromPassphrase("masterpassphrase");
        byte[][] corpus =
        [
            Encoding.ASCII.GetBytes(NodeIdentity.FromSeed(seed).PublicKey.ToBase58()),
            Encoding.ASCII.GetBytes(seed.ToBase58()),
            Encoding.ASCII.GetBytes(XrplBase58.Encode([0, 0, 1, 2, 3, 255])),
        ];
        Fuzzer.Run(
            new FuzzTarget("XRPL base58 tokens", corpus, input =>
            {
                var text = Encoding.Latin1.GetString(input);
                var any = XrplBase58.TryDecode(text, out var data);
                if (any)
                {
                    Assert.Equal(text, XrplBase58.Encode(data));
                }

                var key = NodePublicKey.TryParse(text, out _);
                var familySeed = FamilySeed.TryParse(text, out _);
                return any || key || familySeed ? FuzzVerdict.Decoded : FuzzVerdict.Rejected;
            }) { Inputs = 20_000, AllocationBase = 4 * 1024, AllocationPerByte = 64, MaxLength = 512 },
            output);
    }

    [Fact]
    public void AnyBytesEncodedDecodeBack()
    {
        Property.Check("XRPL base58 round trip", 3_000, random =>
        {
            var data = random.Bytes(60);
            var text = XrplBase58.Encode(data);
            if (!XrplBase58.TryDecode(text, out var decoded))
            {
                // Only the empty text and texts longer than the decoder's bound are refused.
                Assert.True(text.Length == 0 || text.Length > XrplBase58.MaxTextLength);
                return;
            }

            Assert.Equal(data, decoded);
            var key = new byte[NodePublicKey.Length];
            random.NextBytes(key);
            key[0] = 0x02;
            Assert.True(NodePublicKey.TryParse(NodePublicKey.FromBytes(key).ToBase58(), out var parsed));
            Assert.Equal(key, parsed.Bytes.ToArray());
        }, output);
    }
}
