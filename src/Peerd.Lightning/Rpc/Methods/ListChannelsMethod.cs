using Peerd.Lightning.Gossip;
using Peerd.Lightning.Node;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Rpc.Parameters;
using Peerd.ClnRpc;
using Peerd.ClnRpc.Dispatch;
using Peerd.ClnRpc.Protocol;

namespace Peerd.Lightning.Rpc.Methods;

/// <summary>
/// <c>listchannels [short_channel_id] [source] [destination]</c>: the graph's channel directions, in Core Lightning's
/// shape (<c>doc/schemas/listchannels.json</c>) and with its parameter rules (at most one filter), ordered by
/// <c>short_channel_id</c> then direction, streamed to the client a piece at a time (<see cref="ListChannelsCursor"/>).
/// </summary>
public static class ListChannelsMethod
{
    /// <summary>Core Lightning's error when more than one filter is given (<c>plugins/topology.c</c>).</summary>
    public const string OneFilterOnly = "Can only specify one of `short_channel_id`, `source` or `destination`";

    /// <summary>Creates the method.</summary>
    public static RpcMethod Create(ChannelGraph graph) => new(
        "listchannels",
        [
            RpcParameter.Optional("short_channel_id", (name, value) => ShortChannelId.TryParse(RawJson.Content(value), out _) ? null : RpcError.BadParameter(name, "should be a short_channel_id of form NxNxN")),
            RpcParameter.Optional("source", ListPeersParameters.NodeIdCheck),
            RpcParameter.Optional("destination", ListPeersParameters.NodeIdCheck),
        ],
        (call, cancellationToken) =>
        {
            ShortChannelId? id = call.Parameters.TryGet("short_channel_id", out var s) && ShortChannelId.TryParse(RawJson.Content(s), out var parsed) ? parsed : null;
            NodeId? source = call.Parameters.TryGet("source", out var src) && NodeId.TryParse(RawJson.Content(src), out var a) ? a : null;
            NodeId? destination = call.Parameters.TryGet("destination", out var dst) && NodeId.TryParse(RawJson.Content(dst), out var b) ? b : null;
            if ((id is null ? 0 : 1) + (source is null ? 0 : 1) + (destination is null ? 0 : 1) > 1)
            {
                return ValueTask.FromResult(RpcResult.Failure(RpcError.InvalidParams(OneFilterOnly)));
            }

            var cursor = new ListChannelsCursor(graph, id is { } one ? [one.Value] : graph.ChannelIds(), source, destination);
            return ValueTask.FromResult(RpcResult.StreamedArray(ListChannelsJson.Member, cursor.WriteNext));
        });
}
