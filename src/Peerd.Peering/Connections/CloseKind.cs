namespace Peerd.Peering.Connections;

/// <summary>The exit path that ended a <see cref="FramedConnection"/>.</summary>
public enum CloseKind
{
    /// <summary>Our side closed it (a request, a policy, shutdown).</summary>
    Local,

    /// <summary>The peer ended the stream.</summary>
    PeerClosed,

    /// <summary>A read failed.</summary>
    ReadFailed,

    /// <summary>A write failed.</summary>
    WriteFailed,

    /// <summary>The peer broke the framing.</summary>
    InvalidFrame,

    /// <summary>The send queue was full: the peer is not reading.</summary>
    QueueFull,

    /// <summary>Our own code threw (a message handler, the codec): a bug, logged once.</summary>
    Fault,

    /// <summary>The liveness policy gave the peer up.</summary>
    LivenessTimeout,
}

/// <summary>How a connection ended: the exit path and the reason text (the first reason given wins).</summary>
/// <param name="Kind">The exit path.</param>
/// <param name="Reason">The text the stack shows (logs, RPC).</param>
public sealed record ConnectionClose(CloseKind Kind, string Reason);
