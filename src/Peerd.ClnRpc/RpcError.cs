namespace Peerd.ClnRpc;

/// <summary>
/// A JSON-RPC error object: <c>{"code":N,"message":"…"}</c>. Core Lightning adds no <c>data</c> member for the
/// errors of this dialect, and neither do we.
/// </summary>
/// <param name="Code">The numeric code (see <see cref="RpcErrorCodes"/>, or a method family's own codes).</param>
/// <param name="Message">The human-readable text, matched byte for byte with Core Lightning's where one exists.</param>
public sealed record RpcError(int Code, string Message)
{
    /// <summary>A <see cref="RpcErrorCodes.InvalidParams"/> error with the given text.</summary>
    public static RpcError InvalidParams(string message) => new(RpcErrorCodes.InvalidParams, message);

    /// <summary>
    /// Core Lightning's <c>command_fail_badparam</c>: <c>"&lt;name&gt;: &lt;problem&gt;: invalid token (see logs for
    /// details)"</c>, e.g. <c>id: should be a node id: invalid token (see logs for details)</c>.
    /// </summary>
    public static RpcError BadParameter(string name, string problem) =>
        new(RpcErrorCodes.InvalidParams, $"{name}: {problem}: invalid token (see logs for details)");

    /// <summary>A <see cref="RpcErrorCodes.ServerError"/> (-1) error with the given text.</summary>
    public static RpcError ServerError(string message) => new(RpcErrorCodes.ServerError, message);
}
