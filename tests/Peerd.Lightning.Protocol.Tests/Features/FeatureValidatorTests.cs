using Peerd.Lightning.Protocol.Features;

namespace Peerd.Lightning.Protocol.Tests.Features;

public class FeatureValidatorTests
{
    [Theory]
    [InlineData("0898880a8a59a1")] // Core Lightning's init (contracts/cln-connect.md)
    [InlineData("800898882a8a59a1")] // Core Lightning v26 (listpeers schema example)
    [InlineData("")]
    [InlineData("20000000a282")] // ours
    public void MainstreamBitmapsWithEvenAssumedBitsAreAccepted(string hex)
    {
        Assert.Null(FeatureValidator.Validate(FeatureBits.ParseHex(hex)));
    }

    [Fact]
    public void UnknownEvenBitIsUnsupportedWithCoreLightningsWarningText()
    {
        // Core Lightning #6002: experimental peer storage sent as even bit 40.
        var error = FeatureValidator.Validate(FeatureBits.FromBits(1, 40));
        Assert.Equal(new FeatureError(FeatureErrorKind.UnsupportedFeature, 40), error);
        Assert.Equal("Unsupported feature 40", error!.Value.Message);
    }

    [Fact]
    public void UnknownOddBitIsIgnored()
    {
        Assert.Null(FeatureValidator.Validate(FeatureBits.FromBits(41, 255, 1001)));
    }

    [Fact]
    public void LowestUnknownEvenBitIsReportedFirst()
    {
        Assert.Equal(52, FeatureValidator.Validate(FeatureBits.FromBits(300, 52, 40 + 1))!.Value.Bit);
    }

    [Theory]
    [InlineData(new[] { 17 }, "Feature 16 requires feature 14")]
    [InlineData(new[] { 16, 8 }, "Feature 16 requires feature 14")]
    [InlineData(new[] { 51 }, "Feature 50 requires feature 46")]
    [InlineData(new[] { 61, 63 }, "Feature 60 requires feature 26")]
    public void MissingDependencyIsReportedWithBothEvenBits(int[] bits, string message)
    {
        var error = FeatureValidator.Validate(FeatureBits.FromBits(bits));
        Assert.Equal(FeatureErrorKind.MissingDependency, error!.Value.Kind);
        Assert.Equal(message, error.Value.Message);
    }

    [Theory]
    [InlineData(new[] { 17, 15 })]
    [InlineData(new[] { 16, 14 })]
    [InlineData(new[] { 17, 14 })]
    [InlineData(new[] { 50, 47 })]
    public void DependencyOfferedAsEitherBitSatisfiesIt(int[] bits)
    {
        Assert.Null(FeatureValidator.Validate(FeatureBits.FromBits(bits)));
    }

    [Fact]
    public void UnknownEvenBitIsReportedBeforeMissingDependency()
    {
        Assert.Equal(FeatureErrorKind.UnsupportedFeature, FeatureValidator.Validate(FeatureBits.FromBits(17, 40))!.Value.Kind);
    }
}
