namespace Peerd.Lightning.Gossip;

/// <summary>Where the gossip sync as a whole stands.</summary>
public enum GossipSyncState
{
    /// <summary>No peer is being asked and none has finished (no peer yet, or each one asked left first).</summary>
    NotStarted,

    /// <summary>At least one asked peer is still answering.</summary>
    Syncing,

    /// <summary>No asked peer is still answering and at least one finished.</summary>
    Synced,
}
