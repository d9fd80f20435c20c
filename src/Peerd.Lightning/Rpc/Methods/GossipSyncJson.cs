using System.Text.Json.Nodes;
using Peerd.Lightning.Gossip;

namespace Peerd.Lightning.Rpc.Methods;

/// <summary>
/// <c>getinfo</c>'s <c>gossip_sync</c> (a Peerd extension, with <c>details=true</c>): the sync's <c>state</c>
/// (<c>not_started</c>, <c>syncing</c>, <c>synced</c>) and each asked peer's <c>id</c>, <c>state</c>
/// (<c>requested</c>, <c>receiving</c>, <c>done</c>, <c>disconnected</c>), <c>first_timestamp</c>, times in UNIX
/// seconds (<c>asked_at</c>, <c>since</c>: when it entered its state, <c>last_message_at</c> once one came), and
/// <c>received</c> and <c>accepted</c> messages by BOLT #7 kind.
/// </summary>
public static class GossipSyncJson
{
    /// <summary>The object for <paramref name="progress"/> now.</summary>
    public static JsonObject From(GossipSyncProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var (state, peers) = progress.Snapshot();
        var list = new JsonArray();
        foreach (var peer in peers)
        {
            var entry = new JsonObject
            {
                ["id"] = peer.Peer.ToString(),
                ["state"] = Name(peer.State),
                ["first_timestamp"] = peer.FirstTimestamp,
                ["asked_at"] = peer.AskedAt.ToUnixTimeSeconds(),
                ["since"] = peer.Since.ToUnixTimeSeconds(),
            };
            if (peer.LastMessageAt is { } last)
            {
                entry["last_message_at"] = last.ToUnixTimeSeconds();
            }

            entry["received"] = Counts(peer.Received);
            entry["accepted"] = Counts(peer.Accepted);
            list.Add(entry);
        }

        return new JsonObject { ["state"] = Name(state), ["peers"] = list };
    }

    private static JsonObject Counts(GossipCounts counts) => new()
    {
        ["channel_announcement"] = counts.ChannelAnnouncements,
        ["channel_update"] = counts.ChannelUpdates,
        ["node_announcement"] = counts.NodeAnnouncements,
    };

    private static string Name(GossipSyncState state) => state switch
    {
        GossipSyncState.Syncing => "syncing",
        GossipSyncState.Synced => "synced",
        _ => "not_started",
    };

    private static string Name(GossipPeerSyncState state) => state switch
    {
        GossipPeerSyncState.Requested => "requested",
        GossipPeerSyncState.Receiving => "receiving",
        GossipPeerSyncState.Done => "done",
        _ => "disconnected",
    };
}
