using Peerd.Cli.Lightning;
using Peerd.Cli.Output;

namespace Peerd.Cli.Tests.Lightning;

public class LightningArgumentsTests
{
    [Fact]
    public void AcceptsOptionsAnywhereBeforeADoubleDash()
    {
        Assert.True(LightningArguments.TryParse(["connect", "-k", "id=1", "--network=regtest", "--", "-5", "-k"], out var options, out _));

        Assert.Equal(InputMode.Keywords, options.Input);
        Assert.Equal("regtest", options.Network);
        Assert.Equal(["connect", "id=1", "-5", "-k"], options.Arguments);
    }

    [Fact]
    public void TakesOptionValuesInlineOrFromTheNextArgument()
    {
        Assert.True(LightningArguments.TryParse(["--lightning-dir", "/d", "--rpc-file=/s", "--network", "signet", "getinfo"], out var options, out _));

        Assert.Equal("/d", options.LightningDir);
        Assert.True(options.LightningDirGiven);
        Assert.Equal("/s", options.RpcFile);
        Assert.Equal("signet", options.Network);
        Assert.Equal(["getinfo"], options.Arguments);
    }

    [Theory]
    [InlineData("--testnet", "testnet")]
    [InlineData("--testnet4", "testnet4")]
    [InlineData("--signet", "signet")]
    [InlineData("--regtest", "regtest")]
    [InlineData("--mainnet", "bitcoin")]
    public void KnowsTheNetworkShortcuts(string flag, string network)
    {
        Assert.True(LightningArguments.TryParse([flag, "getinfo"], out var options, out _));
        Assert.Equal(network, options.Network);
    }

    [Fact]
    public void CombinesShortFlags()
    {
        Assert.True(LightningArguments.TryParse(["-kH", "m"], out var options, out _));

        Assert.Equal(InputMode.Keywords, options.Input);
        Assert.Equal(OutputFormat.Human, options.Format);
    }

    [Theory]
    [InlineData("-J", OutputFormat.Json)]
    [InlineData("--json", OutputFormat.Json)]
    [InlineData("-H", OutputFormat.Human)]
    [InlineData("-F", OutputFormat.Flat)]
    [InlineData("-R", OutputFormat.Raw)]
    public void SelectsTheOutputFormat(string flag, OutputFormat format)
    {
        Assert.True(LightningArguments.TryParse([flag, "m"], out var options, out _));
        Assert.Equal(format, options.Format);
    }

    [Theory]
    [InlineData("--bogus", "--bogus: unrecognized option")]
    [InlineData("-x", "-x: unrecognized option")]
    [InlineData("--network", "--network: requires an argument")]
    [InlineData("--json=1", "--json: doesn't allow an argument")]
    [InlineData("--filter", "--filter: requires an argument")]
    [InlineData("-l", "-l: requires an argument")]
    public void RefusesBadOptions(string arg, string error)
    {
        Assert.False(LightningArguments.TryParse([arg], out _, out var actual));
        Assert.Equal(error, actual);
    }

    [Theory]
    [InlineData(new object[] { new[] { "-l", "{\"id\":true}", "getinfo" } })]
    [InlineData(new object[] { new[] { "-l{\"id\":true}", "getinfo" } })]
    [InlineData(new object[] { new[] { "-Jl", "{\"id\":true}", "getinfo" } })]
    [InlineData(new object[] { new[] { "--filter={\"id\":true}", "getinfo" } })]
    [InlineData(new object[] { new[] { "getinfo", "--filter", "{\"id\":true}" } })]
    public void TakesTheReplyFilterAsGivenInEveryForm(string[] args)
    {
        Assert.True(LightningArguments.TryParse(args, out var options, out _));

        Assert.Equal("{\"id\":true}", options.Filter);
        Assert.Equal(["getinfo"], options.Arguments);
    }

    [Fact]
    public void KeepsTheFilterTextUncheckedAsLightningCliDoes()
    {
        Assert.True(LightningArguments.TryParse(["-l", "1", "getinfo"], out var options, out _));

        Assert.Equal("1", options.Filter);
    }
}
