using System.Globalization;
using System.Text.Json.Nodes;
using Peerd.Xrpl.Overlay;
using Peerd.Xrpl.Protocol.Handshake;

namespace Peerd.Xrpl.Admin;

/// <summary>The JSON shapes of peers and connection attempts.</summary>
internal static class AdminJson
{
    /// <summary>A peer as rippled's <c>PeerImp::json</c> shows it (the fields we can fill).</summary>
    public static JsonObject Peer(XrplPeer peer, TimeProvider time)
    {
        var uptime = time.GetElapsedTime(peer.ConnectedTimestamp);
        var seconds = Math.Max(1, (long)uptime.TotalSeconds);
        var json = new JsonObject
        {
            ["public_key"] = peer.PublicKey.ToBase58(),
            ["address"] = PeerAddress.Format(peer.RemoteEndPoint),
            ["protocol"] = peer.Protocol.ToString(),
            ["uptime"] = (long)uptime.TotalSeconds,
            ["metrics"] = new JsonObject
            {
                ["total_bytes_recv"] = Text(peer.BytesReceived),
                ["total_bytes_sent"] = Text(peer.BytesSent),
                ["avg_bps_recv"] = Text(peer.BytesReceived / seconds),
                ["avg_bps_sent"] = Text(peer.BytesSent / seconds),
            },
        };
        if (peer.Inbound)
        {
            json["inbound"] = true;
        }

        if (!string.IsNullOrEmpty(peer.NetworkId))
        {
            json["network_id"] = peer.NetworkId;
        }

        if (!string.IsNullOrEmpty(peer.Version))
        {
            json["version"] = peer.Version;
        }

        if (!string.IsNullOrEmpty(peer.ServerDomain))
        {
            json["server_domain"] = peer.ServerDomain;
        }

        if (peer.Latency is { } latency)
        {
            json["latency"] = (long)Math.Round(latency.TotalMilliseconds);
        }

        return json;
    }

    /// <summary>An attempt for <c>connections</c> and <c>connect</c> with <c>wait</c>.</summary>
    public static JsonObject Attempt(ConnectionAttemptSnapshot a)
    {
        var json = new JsonObject
        {
            ["id"] = a.Id,
            ["direction"] = a.Direction == ConnectionDirection.Outbound ? "outbound" : "inbound",
            ["target"] = a.Target,
            ["stage"] = XrplOverlay.Stage(a.Stage),
            ["outcome"] = a.Outcome switch
            {
                ConnectionOutcome.InProgress => "in_progress",
                ConnectionOutcome.Connected => "connected",
                _ => "failed",
            },
            ["started"] = Time(a.StartedAt),
            ["updated"] = Time(a.UpdatedAt),
        };
        Optional(json, "address", a.Address);
        Optional(json, "reason", a.FailureReason);
        Optional(json, "completed", a.CompletedAt is { } c ? Time(c) : null);
        Optional(json, "public_key", a.PeerPublicKey);
        Optional(json, "protocol", a.Protocol);
        Optional(json, "closed", a.ClosedAt is { } d ? Time(d) : null);
        Optional(json, "close_reason", a.CloseReason);
        return json;
    }

    private static void Optional(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
