namespace Peerd.Lightning.Peers;

/// <summary>Core Lightning's connect error codes (<c>common/jsonrpc_errors.h</c>).</summary>
public static class ConnectErrorCodes
{
    /// <summary><c>CONNECT_NO_KNOWN_ADDRESS</c>.</summary>
    public const int NoKnownAddress = 400;

    /// <summary><c>CONNECT_ALL_ADDRESSES_FAILED</c>.</summary>
    public const int AllAddressesFailed = 401;

    /// <summary><c>CONNECT_DISCONNECTED_DURING</c>.</summary>
    public const int DisconnectedDuring = 402;
}

/// <summary>The result of a connect: the connection, or a code and message in the reference's words.</summary>
public sealed record ConnectOutcome(PeerConnection? Connection, int ErrorCode, string? ErrorMessage)
{
    /// <summary>A success.</summary>
    public static ConnectOutcome Success(PeerConnection connection) => new(connection, 0, null);

    /// <summary>A failure.</summary>
    public static ConnectOutcome Failure(int code, string message) => new(null, code, message);

    /// <summary>True on success.</summary>
    public bool Succeeded => Connection is not null;
}
