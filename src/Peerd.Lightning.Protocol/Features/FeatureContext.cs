namespace Peerd.Lightning.Protocol.Features;

/// <summary>Where BOLT #9 says a feature may be presented (the table's "Context" letters).</summary>
[Flags]
public enum FeatureContext
{
    /// <summary>No context (ASSUMED features, and <c>gossip_queries</c> in the current table).</summary>
    None = 0,

    /// <summary><c>I</c>: the <c>init</c> message.</summary>
    Init = 1 << 0,

    /// <summary><c>N</c>: <c>node_announcement</c>.</summary>
    Node = 1 << 1,

    /// <summary><c>C</c>: <c>channel_announcement</c>.</summary>
    ChannelAnnouncement = 1 << 2,

    /// <summary><c>9</c>: BOLT #11 invoices.</summary>
    Invoice = 1 << 3,

    /// <summary><c>T</c>: the <c>channel_type</c> field.</summary>
    ChannelType = 1 << 4,

    /// <summary><c>B</c>: <c>allowed_features</c> of a blinded path.</summary>
    BlindedPath = 1 << 5,
}
