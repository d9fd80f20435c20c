using System.Text.Json.Nodes;
using Peerd.Primitives;

namespace Peerd.Lightning.Gossip;

/// <summary>
/// <c>listchannels</c>' result in Core Lightning's shape and key order (<c>json_add_halfchan</c>). Without a chain
/// source the funding amount is unknown; <c>amount_msat</c> is then the larger <c>htlc_maximum_msat</c> of the two
/// directions, the least the channel can hold (Core Lightning reads it from the funding output).
/// </summary>
public static class ListChannelsJson
{
    /// <summary><c>{"channels":[...]}</c>.</summary>
    public static JsonObject Build(IReadOnlyList<ChannelDirection> directions)
    {
        ArgumentNullException.ThrowIfNull(directions);
        var capacity = new Dictionary<ulong, ulong>();
        foreach (var d in directions)
        {
            capacity[d.Update.ShortChannelId.Value] = Math.Max(capacity.GetValueOrDefault(d.Update.ShortChannelId.Value), d.Update.HtlcMaximumMsat);
        }

        return new JsonObject { ["channels"] = new JsonArray([.. directions.Select(d => (JsonNode)Direction(d, capacity[d.Update.ShortChannelId.Value]))]) };
    }

    /// <summary>One direction's object.</summary>
    public static JsonObject Direction(ChannelDirection direction, ulong amountMsat)
    {
        ArgumentNullException.ThrowIfNull(direction);
        var update = direction.Update;
        return new JsonObject
        {
            ["source"] = direction.Source.ToString(),
            ["destination"] = direction.Destination.ToString(),
            ["short_channel_id"] = update.ShortChannelId.ToString(),
            ["direction"] = update.Direction,
            ["public"] = true,
            ["amount_msat"] = amountMsat,
            ["message_flags"] = update.MessageFlags,
            ["channel_flags"] = update.ChannelFlags,
            ["active"] = !update.IsDisabled,
            ["last_update"] = update.Timestamp,
            ["base_fee_millisatoshi"] = update.FeeBaseMsat,
            ["fee_per_millionth"] = update.FeeProportionalMillionths,
            ["delay"] = update.CltvExpiryDelta,
            ["htlc_minimum_msat"] = update.HtlcMinimumMsat,
            ["htlc_maximum_msat"] = update.HtlcMaximumMsat,
            ["features"] = Hex.Encode(direction.Announcement.Features),
        };
    }
}
