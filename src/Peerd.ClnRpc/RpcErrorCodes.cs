namespace Peerd.ClnRpc;

/// <summary>
/// The numeric error codes of the Core Lightning JSON-RPC dialect (<c>common/jsonrpc_errors.h</c>). They are a
/// contract with clients: never renumber, and never match errors by message text.
/// </summary>
public static class RpcErrorCodes
{
    /// <summary><c>JSONRPC2_INVALID_REQUEST</c>: the request is not a valid JSON-RPC 2.0 call.</summary>
    public const int InvalidRequest = -32600;

    /// <summary><c>JSONRPC2_METHOD_NOT_FOUND</c>: no such method.</summary>
    public const int MethodNotFound = -32601;

    /// <summary><c>JSONRPC2_INVALID_PARAMS</c>: the parameters are wrong.</summary>
    public const int InvalidParams = -32602;

    /// <summary>
    /// <c>LIGHTNINGD</c> (-1): a generic failure of the daemon. Also used when a method throws, since Core Lightning
    /// has no "internal error" code of its own.
    /// </summary>
    public const int ServerError = -1;
}
