using System.Collections.Frozen;
using static Peerd.Lightning.Protocol.Features.FeatureContext;

namespace Peerd.Lightning.Protocol.Features;

/// <summary>The feature table: BOLT #9's rows, then Core Lightning's extra names.</summary>
public sealed partial class Feature
{
    // Declaration order matters: a feature's dependencies are declared before it.

    /// <summary>0/1 <c>option_data_loss_protect</c>: ASSUMED.</summary>
    public static readonly Feature DataLossProtect = new(0, "option_data_loss_protect", "option_data_loss_protect", None, isAssumed: true, inSpecTable: true);

    /// <summary>4/5 <c>option_upfront_shutdown_script</c>: IN.</summary>
    public static readonly Feature UpfrontShutdownScript = new(4, "option_upfront_shutdown_script", "option_upfront_shutdown_script", Init | Node, false, true);

    /// <summary>6/7 <c>gossip_queries</c>: "Peer has useful gossip to share" (no context in the current table).</summary>
    public static readonly Feature GossipQueries = new(6, "gossip_queries", "option_gossip_queries", None, false, true);

    /// <summary>8/9 <c>var_onion_optin</c>: ASSUMED.</summary>
    public static readonly Feature VarOnionOptin = new(8, "var_onion_optin", "option_var_onion_optin", None, true, true);

    /// <summary>10/11 <c>gossip_queries_ex</c>: IN.</summary>
    public static readonly Feature GossipQueriesEx = new(10, "gossip_queries_ex", "option_gossip_queries_ex", Init | Node, false, true);

    /// <summary>12/13 <c>option_static_remotekey</c>: ASSUMED.</summary>
    public static readonly Feature StaticRemoteKey = new(12, "option_static_remotekey", "option_static_remotekey", None, true, true);

    /// <summary>14/15 <c>payment_secret</c>: ASSUMED.</summary>
    public static readonly Feature PaymentSecret = new(14, "payment_secret", "option_payment_secret", None, true, true);

    /// <summary>16/17 <c>basic_mpp</c>: IN9, depends on <c>payment_secret</c>.</summary>
    public static readonly Feature BasicMpp = new(16, "basic_mpp", "option_basic_mpp", Init | Node | Invoice, false, true, PaymentSecret);

    /// <summary>18/19 <c>option_support_large_channel</c>: IN.</summary>
    public static readonly Feature SupportLargeChannel = new(18, "option_support_large_channel", "option_support_large_channel", Init | Node, false, true);

    /// <summary>22/23 <c>option_anchors</c>: INT.</summary>
    public static readonly Feature Anchors = new(22, "option_anchors", "option_anchors", Init | Node | FeatureContext.ChannelType, false, true);

    /// <summary>24/25 <c>option_route_blinding</c>: IN9.</summary>
    public static readonly Feature RouteBlinding = new(24, "option_route_blinding", "option_route_blinding", Init | Node | Invoice, false, true);

    /// <summary>26/27 <c>option_shutdown_anysegwit</c>: IN.</summary>
    public static readonly Feature ShutdownAnySegwit = new(26, "option_shutdown_anysegwit", "option_shutdown_anysegwit", Init | Node, false, true);

    /// <summary>28/29 <c>option_dual_fund</c>: IN.</summary>
    public static readonly Feature DualFund = new(28, "option_dual_fund", "option_dual_fund", Init | Node, false, true);

    /// <summary>34/35 <c>option_quiesce</c>: IN.</summary>
    public static readonly Feature Quiesce = new(34, "option_quiesce", "option_quiesce", Init | Node, false, true);

    /// <summary>36/37 <c>option_attribution_data</c>: IN9.</summary>
    public static readonly Feature AttributionData = new(36, "option_attribution_data", null, Init | Node | Invoice, false, true);

    /// <summary>38/39 <c>option_onion_messages</c>: IN.</summary>
    public static readonly Feature OnionMessages = new(38, "option_onion_messages", "option_onion_messages", Init | Node, false, true);

    /// <summary>42/43 <c>option_provide_storage</c>: IN.</summary>
    public static readonly Feature ProvideStorage = new(42, "option_provide_storage", "option_provide_storage", Init | Node, false, true);

    /// <summary>44/45 <c>option_channel_type</c>: ASSUMED.</summary>
    public static readonly Feature ChannelType = new(44, "option_channel_type", "option_channel_type", None, true, true);

    /// <summary>46/47 <c>option_scid_alias</c>: INT.</summary>
    public static readonly Feature ScidAlias = new(46, "option_scid_alias", "option_scid_alias", Init | Node | FeatureContext.ChannelType, false, true);

    /// <summary>48/49 <c>option_payment_metadata</c>: 9.</summary>
    public static readonly Feature PaymentMetadata = new(48, "option_payment_metadata", "option_payment_metadata", Invoice, false, true);

    /// <summary>50/51 <c>option_zeroconf</c>: INT, depends on <c>option_scid_alias</c>.</summary>
    public static readonly Feature ZeroConf = new(50, "option_zeroconf", "option_zeroconf", Init | Node | FeatureContext.ChannelType, false, true, ScidAlias);

    /// <summary>60/61 <c>option_simple_close</c>: IN, depends on <c>option_shutdown_anysegwit</c>.</summary>
    public static readonly Feature SimpleClose = new(60, "option_simple_close", "option_simple_close", Init | Node, false, true, ShutdownAnySegwit);

    /// <summary>62/63 <c>option_splice</c>: IN.</summary>
    public static readonly Feature Splice = new(62, "option_splice", "option_splice", Init | Node, false, true);

    /// <summary>2/3 <c>initial_routing_sync</c>: removed from BOLT #9; Core Lightning still names it.</summary>
    public static readonly Feature InitialRoutingSync = new(2, "initial_routing_sync", "option_initial_routing_sync", Init, false, false);

    /// <summary>20/21 the pre-zero-fee <c>option_anchor_outputs</c>: deprecated; Core Lightning still names it.</summary>
    public static readonly Feature AnchorOutputs = new(20, "option_anchor_outputs", "option_anchor_outputs", Init | Node | FeatureContext.ChannelType, false, false);

    /// <summary>30/31 <c>option_amp</c> (bolts PR 658, lnd's AMP).</summary>
    public static readonly Feature Amp = new(30, "option_amp", "option_amp", Init | Node | Invoice, false, false);

    /// <summary>54/55 <c>option_keysend</c>.</summary>
    public static readonly Feature Keysend = new(54, "option_keysend", "option_keysend", Init | Node, false, false);

    /// <summary>56/57 <c>option_trampoline_routing</c> (bolts PR 836).</summary>
    public static readonly Feature TrampolineRouting = new(56, "option_trampoline_routing", "option_trampoline_routing", Init | Node | Invoice, false, false);

    /// <summary>104/105 <c>option_shutdown_wrong_funding</c> (Core Lightning <c>OPT_SHUTDOWN_WRONG_FUNDING</c>).</summary>
    public static readonly Feature ShutdownWrongFunding = new(104, "option_shutdown_wrong_funding", null, Init | Node, false, false);

    /// <summary>162/163 <c>option_experimental_splice</c> (bolts PR 863, pre-standard splicing).</summary>
    public static readonly Feature ExperimentalSplice = new(162, "option_experimental_splice", "option_experimental_splice", Init | Node, false, false);

    /// <summary>Every known pair, spec rows first, each group in bit order.</summary>
    public static IReadOnlyList<Feature> All { get; } =
    [
        DataLossProtect, UpfrontShutdownScript, GossipQueries, VarOnionOptin, GossipQueriesEx, StaticRemoteKey,
        PaymentSecret, BasicMpp, SupportLargeChannel, Anchors, RouteBlinding, ShutdownAnySegwit, DualFund, Quiesce,
        AttributionData, OnionMessages, ProvideStorage, ChannelType, ScidAlias, PaymentMetadata, ZeroConf, SimpleClose,
        Splice,
        InitialRoutingSync, AnchorOutputs, Amp, Keysend, TrampolineRouting, ShutdownWrongFunding, ExperimentalSplice,
    ];

    private static readonly FrozenDictionary<int, Feature> ByEvenBit = All.ToFrozenDictionary(f => f.EvenBit);
}
