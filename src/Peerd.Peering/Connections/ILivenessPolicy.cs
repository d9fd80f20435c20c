namespace Peerd.Peering.Connections;

/// <summary>What a <see cref="ILivenessPolicy"/> wants done at a tick.</summary>
public enum LivenessAction
{
    /// <summary>Nothing to do.</summary>
    None,

    /// <summary>Send the ping the policy made.</summary>
    SendPing,

    /// <summary>The peer is presumed dead: close the connection.</summary>
    Disconnect,
}

/// <summary>
/// A network's liveness rule for one connection (Lightning: ping an idle line, hang up on an unanswered ping; XRPL:
/// rippled's ping cookie per timer tick). Pure: time comes in as <see cref="TimeProvider"/> timestamps. Pongs are the
/// network's messages, so the stack's handler reports them to its own policy.
/// </summary>
public interface ILivenessPolicy
{
    /// <summary>Records traffic from the peer (the connection calls it once per batch of messages read).</summary>
    void OnReceived(long timestamp);

    /// <summary>Decides what to do now; with <see cref="LivenessAction.SendPing"/>, <paramref name="ping"/> is the message to queue.</summary>
    LivenessAction Tick(long timestamp, out byte[]? ping);
}
