namespace Peerd.Lightning.Gossip;

/// <summary>Counts of what the ingest did with the gossip it took in (updated with interlocked operations).</summary>
public sealed class GossipStatistics
{
#pragma warning disable SA1401, CA1051 // Fields: incremented with Interlocked.
    /// <summary>Messages taken in.</summary>
    public long Received;

    /// <summary>Stored.</summary>
    public long StoredCount;

    /// <summary>Duplicates and stale timestamps.</summary>
    public long Duplicates;

    /// <summary>Held for their channel.</summary>
    public long Held;

    /// <summary>Refused by a rule or limit.</summary>
    public long Refused;

    /// <summary>Malformed or badly signed.</summary>
    public long Invalid;

    /// <summary>Times a peer's reads waited for the queue (flow control).</summary>
    public long FlowControlWaits;
#pragma warning restore SA1401, CA1051

    /// <summary>Counts one verdict.</summary>
    public void Count(GossipVerdictKind kind)
    {
        switch (kind)
        {
            case GossipVerdictKind.Stored: Interlocked.Increment(ref StoredCount); break;
            case GossipVerdictKind.Duplicate: Interlocked.Increment(ref Duplicates); break;
            case GossipVerdictKind.Held: Interlocked.Increment(ref Held); break;
            case GossipVerdictKind.Refused: Interlocked.Increment(ref Refused); break;
            default: Interlocked.Increment(ref Invalid); break;
        }
    }
}
