using Peerd.ClnRpc;

namespace Peerd.Lightning.Rpc.Parameters;

/// <summary>The parameter error texts of <c>connect</c>, <c>disconnect</c> and <c>listpeers</c>, Core Lightning's exactly.</summary>
public static class ParameterErrors
{
    /// <summary><c>param_node_id</c>: <c>id: should be a node id: invalid token (see logs for details)</c>.</summary>
    public static RpcError NotANodeId(string name) => RpcError.BadParameter(name, "should be a node id");

    /// <summary><c>param_peer</c> (disconnect): <c>id: invalid peer id: invalid token (see logs for details)</c>.</summary>
    public static RpcError InvalidPeerId(string name) => RpcError.BadParameter(name, "invalid peer id");

    /// <summary><c>param_peer</c> (disconnect) for a peer we have no record of; <paramref name="rawId"/> as sent.</summary>
    public static RpcError UnknownPeer(string rawId) => RpcError.InvalidParams($"Unknown peer '{rawId}'");

    /// <summary>A port that is not a number in 0..65535.</summary>
    public static RpcError PortNot16Bit { get; } = RpcError.BadParameter("port", "should be a 16-bit integer");

    /// <summary>Port 0.</summary>
    public static RpcError PortZero { get; } = RpcError.BadParameter("port", "should be non-zero");

    /// <summary>A host in <c>id@host</c> and as a parameter.</summary>
    public static RpcError HostTwice { get; } =
        RpcError.InvalidParams("Can't specify host as both xxx@yyy and separate argument");

    /// <summary>A port in <c>id@host:port</c> and as a parameter.</summary>
    public static RpcError PortTwice { get; } =
        RpcError.InvalidParams("Can't specify port as both xxx@yyy:port and separate argument");

    /// <summary>The part after <c>@</c> does not split into host and port.</summary>
    public static RpcError MalformedAtHost { get; } = RpcError.InvalidParams("malformed host @part");

    /// <summary>A port and no host.</summary>
    public static RpcError PortWithoutHost { get; } = RpcError.InvalidParams("Can't specify port without host");

    /// <summary>Ours (lnd and eclair refuse too; Core Lightning has no check): connecting to our own node id.</summary>
    public static RpcError OwnNodeId { get; } = RpcError.InvalidParams("id: cannot connect to our own node id");

    /// <summary><c>param_bool</c>.</summary>
    public static RpcError NotABool(string name) => RpcError.BadParameter(name, "should be 'true' or 'false'");

    /// <summary><c>param_loglevel</c>.</summary>
    public static RpcError NotALogLevel(string name) =>
        RpcError.BadParameter(name, "should be 'io', 'debug', 'info', or 'unusual'");
}
