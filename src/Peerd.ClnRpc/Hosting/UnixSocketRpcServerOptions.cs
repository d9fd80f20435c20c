namespace Peerd.ClnRpc.Hosting;

/// <summary>Settings of <see cref="UnixSocketRpcServer"/>; the defaults come from <see cref="RpcLimits"/>.</summary>
public sealed class UnixSocketRpcServerOptions
{
    /// <summary>Concurrent client connections (see <see cref="RpcLimits.MaxClients"/>).</summary>
    public int MaxClients { get; init; } = RpcLimits.MaxClients;

    /// <summary>Requests of one connection processed at once (see <see cref="RpcLimits.MaxInFlightPerClient"/>).</summary>
    public int MaxInFlightPerClient { get; init; } = RpcLimits.MaxInFlightPerClient;

    /// <summary>Largest request (see <see cref="RpcLimits.MaxRequestBytes"/>).</summary>
    public int MaxRequestBytes { get; init; } = RpcLimits.MaxRequestBytes;

    /// <summary>
    /// Permissions of the socket file, set right after bind and before listen: 0600 by default, Core Lightning's
    /// <c>rpc-file-mode</c> default (only the owner may talk to the daemon).
    /// </summary>
    public UnixFileMode SocketFileMode { get; init; } = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Told about unexpected failures of a connection's loops (never about ordinary disconnects).</summary>
    public Action<Exception>? OnConnectionError { get; init; }
}
