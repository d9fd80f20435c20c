using Peerd.Lightning.Rpc.Parameters;

namespace Peerd.Lightning.Tests.Rpc.Parameters;

/// <summary>The rules in the comment of Core Lightning's <c>separate_address_and_port</c>.</summary>
public class AddressSplitterTests
{
    [Theory]
    [InlineData("[::1]:9735", "::1", 9735)]
    [InlineData("[::1]", "::1", null)]
    [InlineData("[anything]:1", "anything", 1)]
    [InlineData("[::1]junk:5", "::1", 5)]
    [InlineData("[::1]junk", "::1", null)]
    [InlineData("1.2.3.4:9735", "1.2.3.4", 9735)]
    [InlineData("host:65535", "host", 65535)]
    [InlineData("host", "host", null)]
    [InlineData("host:", "host:", null)]
    [InlineData("2001:db8::1:9735", "2001:db8::1:9735", null)]
    [InlineData("::1", "::1", null)]
    [InlineData(":9735", "", 9735)]
    [InlineData("host: 42", "host", 42)]
    [InlineData("host:+42", "host", 42)]
    [InlineData("host:007", "host", 7)]
    [InlineData("", "", null)]
    public void SplitsHostAndPortLikeCoreLightning(string text, string host, int? port)
    {
        Assert.True(AddressSplitter.TrySplit(text, out var actualHost, out var actualPort));
        Assert.Equal(host, actualHost);
        Assert.Equal(port, actualPort);
    }

    [Theory]
    [InlineData("[::1")]
    [InlineData("[::1]:")]
    [InlineData("[::1]:0")]
    [InlineData("host:0")]
    [InlineData("host:abc")]
    [InlineData("host:12ab")]
    [InlineData("host:65536")]
    [InlineData("host:99999")]
    [InlineData("host:70000")]
    [InlineData("host:-1")]
    [InlineData("host:4294967297")]
    [InlineData("host:1.5")]
    public void RefusesWhatCoreLightningRefusesAndPortsItWouldWrap(string text)
    {
        Assert.False(AddressSplitter.TrySplit(text, out _, out _));
    }
}
