using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Tlv;
using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Tests.Gossip;

public class LeaseRatesTests
{
    [Fact]
    public void EncodesTheFieldsInTheirWireOrder()
    {
        // funding_weight u16, lease_fee_basis u16, channel_fee_max_proportional_thousandths u16, lease_fee_base_sat u32,
        // channel_fee_max_base_msat tu32.
        var rates = new LeaseRates(0x0102, 0x0304, 0x0506, 0x0708090a, 0x0b0c);
        Assert.Equal("0102" + "0304" + "0506" + "0708090a" + "0b0c", Hex.Encode(rates.ToArray()));
        Assert.Equal(12, rates.EncodedLength);
        Assert.True(LeaseRates.TryRead(rates.ToArray(), out var read));
        Assert.Equal(rates, read);
    }

    [Fact]
    public void AZeroMaximumBaseFeeIsTheEmptyTu32()
    {
        var rates = new LeaseRates(666, 100, 100, 2000, 0);
        Assert.Equal("029a" + "0064" + "0064" + "000007d0", Hex.Encode(rates.ToArray()));
        Assert.True(LeaseRates.TryRead(rates.ToArray(), out var read));
        Assert.Equal(0U, read.ChannelFeeMaxBaseMsat);
    }

    [Theory]
    [InlineData("010203040506070809", TlvError.KnownValueTooShort)] // nine bytes: the head is ten
    [InlineData("0102030405060708090a", TlvError.None)] // the head alone: a zero tu32
    [InlineData("0102030405060708090aff", TlvError.None)]
    [InlineData("0102030405060708090a00ff", TlvError.KnownValueNotMinimal)]
    [InlineData("0102030405060708090a0102030405", TlvError.KnownValueTooLong)]
    public void TheTu32MustBeMinimalAndAtMostFourBytes(string hex, TlvError expected)
    {
        var bytes = Hex.Decode(hex);
        Assert.Equal(expected, LeaseRates.Validate(bytes));
        Assert.Equal(expected == TlvError.None, LeaseRates.TryRead(bytes, out _));
    }
}
