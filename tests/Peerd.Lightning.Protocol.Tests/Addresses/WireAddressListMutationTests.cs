using System.Net;
using Peerd.Lightning.Protocol.Addresses;
using Peerd.Lightning.Protocol.Tests.Fuzzing;
using Peerd.TestKit.Fuzzing;
using Xunit.Abstractions;

namespace Peerd.Lightning.Protocol.Tests.Addresses;

/// <summary>
/// Mutated BOLT 7 address lists decode (stopping at an unknown type) or are refused as truncated, never thrown on;
/// any list of addresses written reads back equal.
/// </summary>
public class WireAddressListMutationTests(ITestOutputHelper output)
{
    [Fact]
    public void MutatedAddressListsDecodeOrAreRefused()
    {
        Fuzzer.Run(
            new FuzzTarget("BOLT 7 address list", [LightningCorpus.AddressList, .. LightningCorpus.Addresses.Select(a => Encode(a))], input =>
            {
                if (!WireAddressList.TryDecode(input, out var addresses))
                {
                    Assert.Empty(addresses);
                    return FuzzVerdict.Rejected;
                }

                // Whatever decoded writes and reads back the same.
                var again = Encode([.. addresses]);
                Assert.True(WireAddressList.TryDecode(again, out var reread));
                Assert.Equal(addresses, reread);
                return FuzzVerdict.Decoded;
            }) { Inputs = 20_000, AllocationBase = 4 * 1024, AllocationPerByte = 64 },
            output);
    }

    [Fact]
    public void AnyAddressListWrittenReadsBackEqual()
    {
        Property.Check("BOLT 7 address list round trip", 2_000, random =>
        {
            var addresses = new WireAddress[random.Next(6)];
            for (var i = 0; i < addresses.Length; i++)
            {
                var port = (ushort)random.Next(1, 65536);
                addresses[i] = random.Next(4) switch
                {
                    0 => WireAddress.FromIPAddress(new IPAddress(Fill(random, 4)), port),
                    1 => WireAddress.FromIPAddress(new IPAddress(Fill(random, 16)), port),
                    2 => WireAddress.FromTorV3(Fill(random, WireAddress.TorV3Length), port),
                    _ => WireAddress.FromHostname(new string('a', 1 + random.Next(WireAddress.MaxHostnameLength)), port),
                };
            }

            Assert.True(WireAddressList.TryDecode(Encode(addresses), out var read));
            Assert.Equal(addresses, read);
        }, output);
    }

    private static byte[] Fill(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Encode(params WireAddress[] addresses)
    {
        var bytes = new byte[WireAddressList.GetLength(addresses)];
        WireAddressList.Write(addresses, bytes);
        return bytes;
    }
}
