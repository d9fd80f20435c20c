using Peerd.Lightning.Chain;

namespace Peerd.Lightning.Tests.Chain;

public sealed class BitcoinAmountTests
{
    [Theory]
    [InlineData("0.10000000", 10_000_000L)]
    [InlineData("0.1", 10_000_000L)]
    [InlineData("0.00000001", 1L)]
    [InlineData("1E-8", 1L)]
    [InlineData("20999999.99999999", 2_099_999_999_999_999L)]
    [InlineData("21000000", 2_100_000_000_000_000L)]
    [InlineData("0", 0L)]
    public void BtcBecomesExactSatoshis(string btc, long satoshis)
    {
        Assert.True(BitcoinAmount.TryParseSatoshis(btc, out var parsed));
        Assert.Equal(satoshis, parsed);
    }

    [Theory]
    [InlineData("0.000000001")]
    [InlineData("-1")]
    [InlineData("21000000.00000001")]
    [InlineData("1e30")]
    [InlineData("abc")]
    [InlineData("")]
    public void NotAWholeNumberOfSatoshisInRangeIsRefused(string btc) => Assert.False(BitcoinAmount.TryParseSatoshis(btc, out _));
}
