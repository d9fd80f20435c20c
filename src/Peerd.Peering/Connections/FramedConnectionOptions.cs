namespace Peerd.Peering.Connections;

/// <summary>A stack's settings for its <see cref="FramedConnection"/>s (one instance, shared by every connection).</summary>
public sealed record FramedConnectionOptions
{
    /// <summary>Messages queued at most; one more means the peer is not reading, and it is disconnected.</summary>
    public int SendQueueCapacity { get; init; } = 1024;

    /// <summary>Queued messages are coalesced into one stream write up to this many bytes (a larger one goes alone).</summary>
    public int CoalescedWriteBytes { get; init; } = 128 * 1024;

    /// <summary>The smallest message buffer rented (the pool's buckets below this are not worth a miss).</summary>
    public int MinimumMessageBuffer { get; init; } = 4 * 1024;

    /// <summary>
    /// After a close, how long the write in flight may take to finish (and then the codec's shutdown) before the
    /// stream is cut under it. Zero: cut at once. TLS needs a little, since a record must not be cut short.
    /// </summary>
    public TimeSpan CloseGrace { get; init; } = TimeSpan.Zero;

    /// <summary>The stack's words for each exit path.</summary>
    public CloseTexts Texts { get; init; } = new();
}
