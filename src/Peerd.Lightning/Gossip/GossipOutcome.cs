namespace Peerd.Lightning.Gossip;

/// <summary>What <see cref="GossipResponder.Handle"/> did with a message.</summary>
public enum GossipOutcome
{
    /// <summary>Not a gossip message (the caller handles it).</summary>
    NotGossip,

    /// <summary>A gossip message we have no use for (channel gossip, replies, a timestamp filter): ignored.</summary>
    Ignored,

    /// <summary>A <c>node_announcement</c> stored in the address book.</summary>
    Stored,

    /// <summary>A <c>node_announcement</c> not newer than the one we hold.</summary>
    Stale,

    /// <summary>A <c>node_announcement</c> refused by a limit (size, future timestamp, our own id).</summary>
    Refused,

    /// <summary>A <c>node_announcement</c> dropped because the peer is over its signature-check budget.</summary>
    RateLimited,

    /// <summary>An invalid <c>node_announcement</c> (bad signature or node id): a <c>warning</c> was sent, nothing stored.</summary>
    Invalid,

    /// <summary>A gossip message too short for its type: a <c>warning</c> was sent (BOLT #1 lets the caller close).</summary>
    Malformed,

    /// <summary>Channel gossip handed to the ingest (its verdict comes later).</summary>
    Queued,

    /// <summary>A query answered.</summary>
    Answered,
}
