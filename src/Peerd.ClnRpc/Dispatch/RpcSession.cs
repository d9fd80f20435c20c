namespace Peerd.ClnRpc.Dispatch;

/// <summary>
/// What one client connection remembers between its requests (Core Lightning's <c>json_connection</c>): whether it
/// asked for notifications, and how to send it one. Transports without a connection use no session.
/// </summary>
public sealed class RpcSession
{
    private readonly Func<ReadOnlyMemory<byte>, ValueTask> _send;
    private volatile bool _notificationsEnabled;

    /// <summary>Creates a session writing notifications through <paramref name="send"/>.</summary>
    /// <param name="send">Writes one whole message to the client, in order with the responses; a no-op once it left.</param>
    public RpcSession(Func<ReadOnlyMemory<byte>, ValueTask> send)
    {
        ArgumentNullException.ThrowIfNull(send);
        _send = send;
    }

    /// <summary>
    /// Set by the <c>notifications</c> method. Read when a request is parsed, as Core Lightning copies it into each
    /// command, so a request already running keeps the choice it started with.
    /// </summary>
    public bool NotificationsEnabled
    {
        get => _notificationsEnabled;
        set => _notificationsEnabled = value;
    }

    /// <summary>Writes one notification.</summary>
    internal ValueTask SendAsync(ReadOnlyMemory<byte> message) => _send(message);
}
