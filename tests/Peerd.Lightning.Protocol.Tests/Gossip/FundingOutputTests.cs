using Peerd.Lightning.Protocol.Gossip;
using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Tests.Gossip;

/// <summary>BOLT #3 Appendix B (funding transaction test vectors), verbatim.</summary>
public class FundingOutputTests
{
    private const string LocalFundingPubkey = "023da092f6980e58d2c037173180e9a465476026ee50f96695963e8efe436f54eb";
    private const string RemoteFundingPubkey = "030e9f7b623d2ccc7c9bd44d66d5ce21ce504c0acf6385a132cec6d3c39fa711c1";
    private const string FundingWitnessScript = "5221023da092f6980e58d2c037173180e9a465476026ee50f96695963e8efe436f54eb21030e9f7b623d2ccc7c9bd44d66d5ce21ce504c0acf6385a132cec6d3c39fa711c152ae";

    // The funding tx's output 0 (10000000 satoshis): 8096980000000000 22 0020c015c4...
    private const string FundingOutputScript = "0020c015c4a6be010e21657068fc2e6a9d02b27ebe4d490a25846f7237f104d1a3cd";

    [Theory]
    [InlineData(LocalFundingPubkey, RemoteFundingPubkey)]
    [InlineData(RemoteFundingPubkey, LocalFundingPubkey)]
    public void TheWitnessScriptIsTheSpecsWhicheverOrderTheKeysComeIn(string first, string second) =>
        Assert.Equal(FundingWitnessScript, Hex.Encode(FundingOutput.WitnessScript(Hex.Decode(first), Hex.Decode(second))));

    [Fact]
    public void TheOutputScriptIsTheSpecsFundingOutput() =>
        Assert.Equal(FundingOutputScript, Hex.Encode(FundingOutput.ScriptPubKey(Hex.Decode(LocalFundingPubkey), Hex.Decode(RemoteFundingPubkey))));

    [Fact]
    public void P2WshOfTheWitnessScriptIsTheOutputScript() =>
        Assert.Equal(FundingOutputScript, Hex.Encode(FundingOutput.P2Wsh(Hex.Decode(FundingWitnessScript))));

    [Fact]
    public void AKeyOfTheWrongLengthIsRefused() =>
        Assert.Throws<ArgumentException>(() => FundingOutput.WitnessScript(new byte[32], Hex.Decode(RemoteFundingPubkey)));
}
