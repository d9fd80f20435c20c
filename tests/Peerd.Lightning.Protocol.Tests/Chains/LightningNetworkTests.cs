using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Tests.Tlv;

namespace Peerd.Lightning.Protocol.Tests.Chains;

public class LightningNetworkTests
{
    [Theory]
    [InlineData("bitcoin", "bitcoin_mainnet", 9735)]
    [InlineData("testnet", "testnet3", 19735)]
    [InlineData("testnet4", "testnet4", 49735)]
    [InlineData("signet", "signet", 39735)]
    [InlineData("regtest", "regtest", 19846)]
    public void NetworksCarryCoreLightningsChainHashAndPort(string name, string vectorKey, int port)
    {
        Assert.True(LightningNetwork.TryParse(name, out var network));
        Assert.Equal(name, network.Name);
        Assert.Equal(port, network.DefaultPort);
        var expected = Bolt1Vectors.Document.GetProperty("extra_non_spec_examples").GetProperty("chain_hash_wire_hex").GetProperty(vectorKey).GetString();
        Assert.Equal(expected, network.ChainHash.ToWireHex());
        Assert.True(LightningNetwork.TryFromChainHash(network.ChainHash, out var byHash));
        Assert.Same(network, byHash);
    }

    [Fact]
    public void MainnetGenesisDisplaysAsTheFamousHash()
    {
        Assert.Equal("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f", LightningNetwork.Bitcoin.ChainHash.ToDisplayHex());
    }

    [Theory]
    [InlineData("mainnet", "bitcoin")]
    [InlineData("REGTEST", "regtest")]
    public void ParsingAcceptsTheMainnetAliasAndAnyCase(string input, string name)
    {
        Assert.True(LightningNetwork.TryParse(input, out var network));
        Assert.Equal(name, network.Name);
    }

    [Theory]
    [InlineData("liquid")]
    [InlineData("")]
    [InlineData(null)]
    public void UnknownNamesAreRejected(string? name)
    {
        Assert.False(LightningNetwork.TryParse(name, out _));
    }
}
