using Peerd.Lightning.Protocol.Features;

namespace Peerd.Lightning.Protocol.Tests.Features;

public class OurFeaturesTests
{
    [Fact]
    public void InitSetsOnlyOddBits()
    {
        Assert.NotEmpty(OurFeatures.Init.SetBits());
        Assert.All(OurFeatures.Init.SetBits(), bit => Assert.Equal(1, bit % 2));
        Assert.Equal("20000000a282", OurFeatures.Init.ToHex());
    }

    [Theory]
    // LDK provided_init_features' even bits (data_loss_protect, var_onion, static_remotekey, payment_secret,
    // channel_type) must each be offered, and lnd requires data_loss_protect.
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(12)]
    [InlineData(14)]
    [InlineData(44)]
    public void InitOffersEveryFeatureMainstreamPeersRequire(int requiredBit)
    {
        Assert.True(OurFeatures.Init.IsOffered(requiredBit));
    }

    [Fact]
    public void InitPassesOurOwnValidationAndLndsPaymentSecretDependency()
    {
        Assert.Null(FeatureValidator.Validate(OurFeatures.Init));
        // lnd feature/deps.go: payment_secret depends on var_onion_optin.
        Assert.True(OurFeatures.Init.IsOffered(Feature.VarOnionOptin.EvenBit));
    }

    [Fact]
    public void InitAndNodeAnnouncementOfferGossipQueriesAsCoreLightningDoes()
    {
        // Core Lightning negotiates queries with a peer only when both set 6/7 (connectd peer_connected).
        Assert.True(OurFeatures.Init.IsOffered(Feature.GossipQueries.EvenBit));
        Assert.True(OurFeatures.Node.IsOffered(Feature.GossipQueries.EvenBit));
    }

    [Fact]
    public void InitIsMinimallyEncoded()
    {
        Assert.Equal(OurFeatures.Init.Length, OurFeatures.Init.MinimalLength);
    }

    [Fact]
    public void NodeAnnouncementFeaturesAreOddOnly()
    {
        Assert.All(OurFeatures.Node.SetBits(), bit => Assert.Equal(1, bit % 2));
    }
}
