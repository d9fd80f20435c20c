using Peerd.Cli.Lightning;

namespace Peerd.Cli.Tests.Lightning;

public class ClnConfigTests
{
    [Theory]
    [InlineData("network=regtest", "regtest", null)]
    [InlineData("regtest", "regtest", null)]
    [InlineData("mainnet", "bitcoin", null)]
    [InlineData("  network = signet  ", "signet", null)]
    [InlineData("# network=regtest", null, null)]
    [InlineData("rpc-file=/run/peerd.sock", null, "/run/peerd.sock")]
    [InlineData("alias=x", null, null)]
    public void ReadsTheNetworkAndRpcFileLines(string line, string? network, string? rpcFile)
    {
        Assert.Equal((network, rpcFile), ClnConfig.Parse([line]));
    }

    [Fact]
    public void TheLastLineWins()
    {
        Assert.Equal(("testnet", null), ClnConfig.Parse(["regtest", "network=testnet"]));
    }

    [Fact]
    public void IgnoresAMissingOrUnreadableFile()
    {
        Assert.Equal((null, null), ClnConfig.Read("/nonexistent/peerd/config"));
        Assert.Equal((null, null), ClnConfig.Read(Path.GetTempPath()));
    }
}
