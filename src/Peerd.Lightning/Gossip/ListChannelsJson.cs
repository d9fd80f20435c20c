using System.Text.Json;
using Peerd.Primitives;

namespace Peerd.Lightning.Gossip;

/// <summary>
/// One <c>listchannels</c> entry in Core Lightning's shape and key order (<c>plugins/topology.c</c>,
/// <c>json_add_halfchan</c>): <c>source</c>, <c>destination</c>, <c>short_channel_id</c>, <c>direction</c>,
/// <c>public</c>, <c>amount_msat</c>, <c>message_flags</c>, <c>channel_flags</c>, <c>active</c>,
/// <c>last_update</c>, <c>base_fee_millisatoshi</c>, <c>fee_per_millionth</c>, <c>delay</c>,
/// <c>htlc_minimum_msat</c>, <c>htlc_maximum_msat</c>, <c>features</c>.
/// </summary>
public static class ListChannelsJson
{
    /// <summary>The result's array member.</summary>
    public const string Member = "channels";

    /// <summary>Writes one direction's object.</summary>
    public static void Write(Utf8JsonWriter writer, ChannelDirection direction)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(direction);
        var update = direction.Update;
        writer.WriteStartObject();
        writer.WriteString("source"u8, direction.Source.ToString());
        writer.WriteString("destination"u8, direction.Destination.ToString());
        writer.WriteString("short_channel_id"u8, update.ShortChannelId.ToString());
        writer.WriteNumber("direction"u8, update.Direction);
        writer.WriteBoolean("public"u8, true);
        writer.WriteNumber("amount_msat"u8, direction.AmountMsat);
        writer.WriteNumber("message_flags"u8, update.MessageFlags);
        writer.WriteNumber("channel_flags"u8, update.ChannelFlags);
        writer.WriteBoolean("active"u8, !update.IsDisabled);
        writer.WriteNumber("last_update"u8, update.Timestamp);
        writer.WriteNumber("base_fee_millisatoshi"u8, update.FeeBaseMsat);
        writer.WriteNumber("fee_per_millionth"u8, update.FeeProportionalMillionths);
        writer.WriteNumber("delay"u8, update.CltvExpiryDelta);
        writer.WriteNumber("htlc_minimum_msat"u8, update.HtlcMinimumMsat);
        writer.WriteNumber("htlc_maximum_msat"u8, update.HtlcMaximumMsat);
        writer.WriteString("features"u8, Hex.Encode(direction.Announcement.Features));
        writer.WriteEndObject();
    }
}
