namespace Peerd.Peering.Connections;

/// <summary>
/// The words a stack uses for each way a connection ends, so that each keeps the texts of its reference (Core
/// Lightning's for Lightning, rippled's for XRPL) while the exit paths live once in <see cref="FramedConnection"/>.
/// </summary>
public sealed record CloseTexts
{
    /// <summary>The peer ended the stream between messages.</summary>
    public string PeerClosed { get; init; } = "peer closed connection";

    /// <summary>The peer ended the stream inside a message.</summary>
    public string? PeerClosedMidFrame { get; init; }

    /// <summary>The send queue was full.</summary>
    public string QueueFull { get; init; } = "send queue full: peer is not reading";

    /// <summary>Our own code threw.</summary>
    public string Fault { get; init; } = "internal error";

    /// <summary>The liveness policy gave up.</summary>
    public string LivenessTimeout { get; init; } = "ping timeout";

    /// <summary>Disposed without another reason.</summary>
    public string Disposed { get; init; } = "closed";

    /// <summary>The framing error text, from the codec's.</summary>
    public Func<string, string> InvalidFrame { get; init; } = error => $"bad frame: {error}";

    /// <summary>A failed read's text.</summary>
    public Func<Exception, string> ReadFailed { get; init; } = e => e.Message;

    /// <summary>A failed write's text.</summary>
    public Func<Exception, string> WriteFailed { get; init; } = e => e.Message;
}
