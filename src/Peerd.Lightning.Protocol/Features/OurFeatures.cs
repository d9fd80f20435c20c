namespace Peerd.Lightning.Protocol.Features;

/// <summary>
/// The feature bits Peerd advertises. Peerd opens no channels and routes nothing, so it sets only odd (optional)
/// bits, never an even one: an even bit forces the peer to know the feature or disconnect (Core Lightning #6002:
/// peer-storage bits sent as even made every peer drop with "Unsupported feature 40").
/// <para>
/// The set is the smallest one that Core Lightning, lnd and LDK all accept (checked against their sources at
/// Core Lightning 090f4b0e, lnd 90ea05d5 and rust-lightning cfee4b75):
/// </para>
/// <list type="bullet">
/// <item>Core Lightning requires nothing of us: <c>connectd/connectd.c</c> <c>peer_connected</c> only refuses our
/// even bits it does not offer (<c>features_unsupported</c>, "Unsupported feature N") and missing dependencies
/// (<c>feature_check_depends</c>: <c>basic_mpp</c> needs <c>payment_secret</c>); <c>peer_exchange_initmsg.c</c>
/// also closes on <c>networks</c> with no common chain ("No common network").</item>
/// <item>lnd <c>peer/brontide.go</c> <c>handleInitMsg</c>: after <c>feature.ValidateRequired</c> and
/// <c>feature.ValidateDeps</c> it returns "data loss protection required" unless
/// <c>remoteFeatures.HasFeature(DataLossProtectRequired)</c>; <c>HasFeature</c> accepts the odd bit of a known pair
/// (<c>lnwire/features.go</c>). <c>feature/deps.go</c> also makes <c>payment_secret</c> depend on
/// <c>var_onion_optin</c>.</item>
/// <item>LDK <c>lightning/src/ln/peer_handler.rs</c> closes when "We require features unknown to our peer"
/// (<c>our_features.requires_unknown_bits_from(&amp;msg.features)</c>): every even bit of
/// <c>channelmanager.rs</c> <c>provided_init_features</c> must be offered (odd is enough) — data_loss_protect,
/// var_onion_optin, static_remote_key, payment_secret and channel_type. <c>ChannelManager::peer_connected</c>
/// separately refuses a peer that does "not support static remote key".</item>
/// </list>
/// </summary>
public static class OurFeatures
{
    /// <summary>
    /// The <c>init</c> features: bits 1, 7, 9, 13, 15 and 45, hex <c>20000000a282</c>.
    /// </summary>
    public static FeatureBits Init { get; } = FeatureBits.FromBits(
        // 1 option_data_loss_protect: lnd handleInitMsg "data loss protection required"; LDK requires bit 0.
        Feature.DataLossProtect.OddBit,
        // 7 gossip_queries: Peerd keeps the graph and answers query_channel_range, query_short_channel_ids and
        // gossip_timestamp_filter (BOLT #7). Core Lightning sets it too (lightningd.c, OPTIONAL_FEATURE), and its
        // connectd tells gossipd it may query a peer only when the bit is negotiated (feature_negotiated in
        // peer_connected), so without it no Core Lightning node would ever sync from us.
        Feature.GossipQueries.OddBit,
        // 9 var_onion_optin: LDK requires bit 8; lnd's deps make payment_secret (below) depend on it.
        Feature.VarOnionOptin.OddBit,
        // 13 option_static_remotekey: LDK requires bit 12, and ChannelManager::peer_connected refuses without it.
        Feature.StaticRemoteKey.OddBit,
        // 15 payment_secret: LDK requires bit 14.
        Feature.PaymentSecret.OddBit,
        // 45 option_channel_type: LDK requires bit 44.
        Feature.ChannelType.OddBit);

    /// <summary>
    /// The <c>node_announcement</c> features: the same bits as <see cref="Init"/> (all are ASSUMED features, which
    /// BOLT #9 lets nodes keep setting).
    /// </summary>
    public static FeatureBits Node { get; } = Init;
}
