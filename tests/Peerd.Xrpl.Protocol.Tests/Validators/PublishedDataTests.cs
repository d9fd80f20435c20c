using System.Text;
using System.Text.Json.Nodes;
using Peerd.Primitives;
using Peerd.Xrpl.Protocol.Validators;

namespace Peerd.Xrpl.Protocol.Tests.Validators;

/// <summary>Lists and validations published on the real XRP Ledger networks (see Vectors/validator-lists.json).</summary>
public class PublishedDataTests
{
    private static readonly JsonObject Data = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", "validator-lists.json")))!.AsObject();

    private static ListEnvelope Envelope(JsonNode node) => ListEnvelope.TryParseJson(Encoding.UTF8.GetBytes(node.ToJsonString()), out _)!;

    [Fact]
    public void MainnetListFromVlRippleComVerifies()
    {
        var vl = Data["mainnet"]!;
        var publisher = ValidatorKey.TryParse((string)vl["public_key"]!)!;
        Assert.Equal("ED2677ABFFD1B33AC6FBC3062B71F1E8397C1505E1C42C64D11AD1B28FF73F4734", publisher.Hex);
        var lists = new ValidatorLists([publisher], [], 0);

        // Sequence 37 expired at 594172800 (2018-10-29): checked at a time it was current, it is accepted.
        var result = lists.Apply(Envelope(vl), 594_000_000, "vl.ripple.com");
        Assert.Equal(ListDisposition.Accepted, result.Best);
        Assert.Equal(37u, result.Sequence);
        lists.UpdateTrusted(594_000_000);
        Assert.Equal(23, lists.Trusted.Count);
        Assert.Equal(19, lists.Quorum);
        Assert.Equal(23, lists.ValidatorManifests.Count);
        Assert.All(lists.ValidatorManifests.All, m => Assert.True(m.Verify()));

        // And as of today it is refused as expired.
        var today = new ValidatorLists([publisher], [], 0);
        Assert.Equal(ListDisposition.Expired, today.Apply(Envelope(vl), 830_000_000, "vl.ripple.com").Best);
    }

    [Fact]
    public void TestnetListAndValidationsOfOneLedgerVerifyAndReachQuorum()
    {
        var testnet = Data["testnet"]!;
        var publisher = ValidatorKey.TryParse((string)testnet["unl"]!["public_key"]!)!;
        var lists = new ValidatorLists([publisher], [], 0);
        var close = (uint)testnet["close"]!;
        Assert.Equal(ListDisposition.Accepted, lists.Apply(Envelope(testnet["unl"]!), close, "vl.altnet.rippletest.net").Best);
        lists.UpdateTrusted(close);
        Assert.Equal(6, lists.Trusted.Count);
        Assert.Equal(5, lists.Quorum);

        var counter = new ValidationCounter();
        ValidatedLedger? validated = null;
        foreach (var (node, hex) in testnet["validations"]!.AsObject())
        {
            var validation = Validation.TryParse(Hex.Decode((string)hex!), out var error);
            Assert.True(validation is not null, error);
            Assert.True(validation.Verify(), $"{node}: signature");
            Assert.True(validation.Full);
            Assert.True(validation.IsCurrent(close));
            var master = lists.TrustedMasterOf(validation.SigningKey);
            Assert.True(master is not null, $"{node}: not on the testnet UNL");
            Assert.Equal(node, validation.SigningKey.ToBase58()); // the XPOP names each validation by its signing key
            Assert.StartsWith("ED", master.Hex, StringComparison.Ordinal);
            validated = counter.Add(validation, master, lists.Quorum) ?? validated;
        }

        Assert.NotNull(validated);
        Assert.Equal((uint)testnet["ledger_index"]!, validated.Sequence);
        Assert.Equal((string)testnet["ledger_hash"]!, validated.HashHex);
    }

    [Fact]
    public void AlteredRealValidationFails()
    {
        var (_, hex) = Data["testnet"]!["validations"]!.AsObject().First();
        var bytes = Hex.Decode((string)hex!);
        bytes[12] ^= 1; // inside sfSigningTime
        Assert.False(Validation.TryParse(bytes, out _)!.Verify());
    }
}
