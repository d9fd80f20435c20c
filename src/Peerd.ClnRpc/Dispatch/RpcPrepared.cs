namespace Peerd.ClnRpc.Dispatch;

/// <summary>
/// The outcome of <c>RpcDispatcher.Prepare</c>: either a call to invoke, or a response to send at once (a
/// request refused before reaching a method), possibly followed by closing the connection.
/// </summary>
public readonly struct RpcPrepared
{
    internal RpcPrepared(RpcCall? call, byte[]? immediateResponse, bool closeConnection)
    {
        Call = call;
        ImmediateResponse = immediateResponse;
        CloseConnection = closeConnection;
    }

    /// <summary>The call to pass to <see cref="RpcDispatcher.InvokeAsync(RpcCall, CancellationToken)"/>, or null.</summary>
    public RpcCall? Call { get; }

    /// <summary>The complete response to send now (terminator included), or null.</summary>
    public byte[]? ImmediateResponse { get; }

    /// <summary>After sending <see cref="ImmediateResponse"/>, stop reading and close, as Core Lightning does.</summary>
    public bool CloseConnection { get; }
}
