using Peerd.Xrpl.Hosting;
using Peerd.Xrpl.Validators;

namespace Peerd.Xrpl.Tests.Validators;

public class ValidatorsFileTests
{
    // The shape of rippled's cfg/validators-example.txt, with comments, CRLF line ends and a trailing comment on a key.
    private const string Example =
        "#\r\n# Default validators.txt\r\n#\r\n[validator_list_sites]\r\nhttps://vl.ripple.com\r\nhttps://unl.xrplf.org\r\n\r\n" +
        "[validator_list_keys]\r\n#vl.ripple.com\r\nED2677ABFFD1B33AC6FBC3062B71F1E8397C1505E1C42C64D11AD1B28FF73F4734\r\n" +
        "# unl.xrplf.org\r\nED42AEC58B701EEBB77356FFFEC26F83C1F0407263530F068C7C73D392C7E06FD1 xrplf\r\n\r\n" +
        "[validators]\r\nn944nVL4GHUBpZWUn2XaQXYT92b42BYHpwAisiCqvL159tEmWY46\r\n\r\n[validator_list_threshold]\r\n2\r\n[something_else]\r\nignored\r\n";

    [Fact]
    public void ReadsRippledsFormat()
    {
        var anchors = ValidatorsFile.TryParse(Example, out var error);
        Assert.True(anchors is not null, error);
        Assert.Equal(["https://vl.ripple.com", "https://unl.xrplf.org"], anchors.Sites);
        Assert.Equal(TrustAnchors.Mainnet.PublisherKeys, anchors.PublisherKeys);
        Assert.Equal("n944nVL4GHUBpZWUn2XaQXYT92b42BYHpwAisiCqvL159tEmWY46", Assert.Single(anchors.StaticValidators).ToBase58());
        Assert.Equal(2, anchors.Threshold);
    }

    [Theory]
    [InlineData("[validator_list_keys]\nEDnothex\n", "line 2: [validator_list_keys] 'EDnothex' is not a public key")]
    [InlineData("[validators]\nn9NotAKey\n", "line 2: [validators] 'n9NotAKey' is not a public key")]
    [InlineData("[validator_list_threshold]\nmany\n", "line 2: [validator_list_threshold] 'many' is not a number")]
    [InlineData("[validator_list_threshold]\n3\n", "[validator_list_threshold] 3 exceeds the 0 publisher keys")]
    public void RefusesBadLinesNamingThem(string text, string message)
    {
        Assert.Null(ValidatorsFile.TryParse(text, out var error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void MainnetPublishersAreTheDefaultOnlyOnNetworkZero()
    {
        Assert.True(XrplOptions.TryParse([new("xrpl-network-id", "main")], out var main, out var error), error);
        Assert.Same(TrustAnchors.Mainnet, main.TrustAnchors);
        Assert.True(XrplOptions.TryParse([new("xrpl-network-id", "testnet")], out var testnet, out error), error);
        Assert.True(testnet.TrustAnchors.IsEmpty);
        Assert.True(XrplOptions.TryParse([new("xrpl", null)], out var unset, out error), error);
        Assert.True(unset.TrustAnchors.IsEmpty);
    }

    [Fact]
    public void OptionsAndFileMerge()
    {
        var path = Path.Combine(Path.GetTempPath(), $"peerd-validators-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, Example);
        try
        {
            Assert.True(
                XrplOptions.TryParse(
                    [
                        new("xrpl-network-id", "main"), new("xrpl-validators-file", path), new("xrpl-validator-list-threshold", "1"),
                        new("xrpl-validators", "ED264807102805220DA0F312E71FC2C69E1552C9C5790F6C25E3729DEB573D5860"),
                    ],
                    out var options,
                    out var error),
                error);
            Assert.Equal(2, options.TrustAnchors.PublisherKeys.Count);
            Assert.Equal(2, options.TrustAnchors.StaticValidators.Count);
            Assert.Equal(1, options.TrustAnchors.Threshold);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("xrpl-validator-list-keys", "ZZ", "xrpl-validator-list-keys: 'ZZ' is not a public key (hex ED…/02…/03… or base58 n…)")]
    [InlineData("xrpl-validator-list-sites", "ftp://x", "xrpl-validator-list-sites: 'ftp://x' is not an https://, http:// or file:// URL")]
    [InlineData("xrpl-validator-list-threshold", "2", "xrpl-validator-list-threshold: 2 exceeds the 0 publisher keys")]
    [InlineData("xrpl-validators-file", "/nonexistent/validators.txt", "xrpl-validators-file: cannot read /nonexistent/validators.txt")]
    [InlineData("xrpl-ping-interval", "1", "xrpl-ping-interval: at least 2 seconds (rippled charges for every ping), got '1'")]
    public void RefusesBadOptions(string name, string value, string message)
    {
        Assert.False(XrplOptions.TryParse([new(name, value)], out _, out var error));
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }
}
