namespace Peerd.ClnRpc;

/// <summary>
/// Every bound of the JSON-RPC core in one place, each with its reason. The admin socket is local and owned by the
/// operator, but a stuck or buggy script must not make the daemon buffer without limit or spawn without limit.
/// </summary>
public static class RpcLimits
{
    /// <summary>
    /// Largest single request we buffer: 1 MiB (1 &lt;&lt; 20). A <c>connect</c> request is under 300 bytes and the
    /// largest admin request we serve is far below this; Core Lightning reads in 1 MiB chunks, so a client that works
    /// against it fits here. Anything bigger is answered with an error and the connection is closed rather than
    /// buffered without bound.
    /// </summary>
    public const int MaxRequestBytes = 1 << 20;

    /// <summary>
    /// Deepest nesting of a request's JSON: 64, <see cref="System.Text.Json.JsonDocumentOptions"/>' default. No admin
    /// request needs more than a few levels; it also bounds the recursion over a request's <c>filter</c>.
    /// </summary>
    public const int MaxRequestDepth = 64;

    /// <summary>
    /// Concurrent admin connections: 64. <c>lightning-cli</c>, pyln-client and BTCPayServer open one socket per call,
    /// so parallel scripts hold a handful each; beyond this, new clients wait in the listen backlog until one leaves.
    /// </summary>
    public const int MaxClients = 64;

    /// <summary>
    /// Requests of one connection being processed at once: 100, Core Lightning's "at most 100 requests per loop turn".
    /// When reached, the connection is not read until one completes (back-pressure, not an error).
    /// </summary>
    public const int MaxInFlightPerClient = 100;

    /// <summary>
    /// Size of one socket read: 16 KiB (16 * 1024). Requests are small; the receive buffer grows on demand up to
    /// <see cref="MaxRequestBytes"/> plus one read.
    /// </summary>
    public const int ReceiveChunkBytes = 16 * 1024;

    /// <summary>Listen backlog of the admin socket: 128, the Linux default <c>SOMAXCONN</c> of older kernels.</summary>
    public const int ListenBacklog = 128;

    /// <summary>
    /// About how much of a streamed result (<see cref="RpcResult.StreamedArray"/>) is written before it is sent: 64 KiB.
    /// The whole <c>listchannels</c> of mainnet is ~60 MB; sent in pieces, a call holds one piece, and the next is
    /// written only once the client has taken the last (a slow reader slows the writing, it does not grow a buffer).
    /// </summary>
    public const int ResponsePieceBytes = 64 * 1024;
}
