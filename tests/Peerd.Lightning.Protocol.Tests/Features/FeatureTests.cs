using Peerd.Lightning.Protocol.Features;

namespace Peerd.Lightning.Protocol.Tests.Features;

public class FeatureTests
{
    [Theory]
    // Every row of BOLT #9's current table (reference/lightning.md §3.3).
    [InlineData(0, "option_data_loss_protect", true)]
    [InlineData(4, "option_upfront_shutdown_script", false)]
    [InlineData(6, "gossip_queries", false)]
    [InlineData(8, "var_onion_optin", true)]
    [InlineData(10, "gossip_queries_ex", false)]
    [InlineData(12, "option_static_remotekey", true)]
    [InlineData(14, "payment_secret", true)]
    [InlineData(16, "basic_mpp", false)]
    [InlineData(18, "option_support_large_channel", false)]
    [InlineData(22, "option_anchors", false)]
    [InlineData(24, "option_route_blinding", false)]
    [InlineData(26, "option_shutdown_anysegwit", false)]
    [InlineData(28, "option_dual_fund", false)]
    [InlineData(34, "option_quiesce", false)]
    [InlineData(36, "option_attribution_data", false)]
    [InlineData(38, "option_onion_messages", false)]
    [InlineData(42, "option_provide_storage", false)]
    [InlineData(44, "option_channel_type", true)]
    [InlineData(46, "option_scid_alias", false)]
    [InlineData(48, "option_payment_metadata", false)]
    [InlineData(50, "option_zeroconf", false)]
    [InlineData(60, "option_simple_close", false)]
    [InlineData(62, "option_splice", false)]
    public void EveryBolt9RowIsInTheTable(int evenBit, string name, bool assumed)
    {
        Assert.True(Feature.TryGetByBit(evenBit, out var byEven));
        Assert.True(Feature.TryGetByBit(evenBit + 1, out var byOdd));
        Assert.Same(byEven, byOdd);
        Assert.Equal(name, byEven.Name);
        Assert.Equal(evenBit + 1, byEven.OddBit);
        Assert.Equal(assumed, byEven.IsAssumed);
        Assert.True(byEven.IsInSpecTable);
        Assert.True(Feature.TryGetByName(name, out var byName));
        Assert.Same(byEven, byName);
    }

    [Theory]
    [InlineData(16, 14)]
    [InlineData(50, 46)]
    [InlineData(60, 26)]
    public void SpecDependenciesAreRecorded(int feature, int dependency)
    {
        Assert.True(Feature.TryGetByBit(feature, out var f));
        Assert.Equal(dependency, Assert.Single(f.Dependencies).EvenBit);
    }

    [Fact]
    public void EvenBitsAreUniqueAndEven()
    {
        Assert.All(Feature.All, f => Assert.Equal(0, f.EvenBit % 2));
        Assert.Equal(Feature.All.Count, Feature.All.Select(f => f.EvenBit).Distinct().Count());
    }

    [Fact]
    public void CoreLightningNamesAlsoFindFeatures()
    {
        Assert.True(Feature.TryGetByName("option_var_onion_optin", out var varOnion));
        Assert.Same(Feature.VarOnionOptin, varOnion);
        Assert.True(Feature.TryGetByName("option_keysend", out var keysend));
        Assert.Equal(54, keysend.EvenBit);
        Assert.False(Feature.TryGetByName("option_nonsense", out _));
    }

    [Fact]
    public void DescribeUsesCoreLightningFeatureNameForm()
    {
        var names = Feature.Describe(FeatureBits.ParseHex("0898880a8a59a1"));
        Assert.Equal(
            [
                "option_data_loss_protect/even", "option_upfront_shutdown_script/odd", "option_gossip_queries/odd",
                "option_var_onion_optin/even", "option_gossip_queries_ex/odd", "option_static_remotekey/even",
                "option_payment_secret/even", "option_basic_mpp/odd", "option_support_large_channel/odd",
                "option_anchors/odd", "option_route_blinding/odd", "option_shutdown_anysegwit/odd",
                "option_quiesce/odd", "option_onion_messages/odd", "option_provide_storage/odd",
                "option_channel_type/even", "option_scid_alias/odd", "option_zeroconf/odd",
            ],
            names);
    }

    [Fact]
    public void DescribeNamesUnknownPairsByTheirEvenBit()
    {
        Assert.Equal(["option_attribution_data/odd", "option_unknown_40/even", "option_unknown_40/odd"], Feature.Describe(FeatureBits.FromBits(37, 40, 41)));
    }
}
