using System.Buffers.Binary;
using System.Diagnostics;
using Peerd.Lightning.Gossip;
using Peerd.Lightning.Transport;
using Peerd.Peering.Metrics;

namespace Peerd.Lightning.Metrics;

/// <summary>
/// The Lightning node's calls into <see cref="PeerdMetrics"/>: message counts by BOLT message name, handshakes and
/// connects by the stage that failed, gossip verdicts. Each is one call at the place the event happens.
/// </summary>
public static class LightningMetrics
{
    /// <summary>The <c>network</c> label.</summary>
    public const string Network = "lightning";

    /// <summary>The message types counted by name (BOLT #1, #2, #4, #7); any other is <c>unknown</c>.</summary>
    public static readonly IReadOnlyList<(int Type, string Name)> MessageNames =
    [
        (1, "warning"), (2, "stfu"), (7, "peer_storage"), (9, "peer_storage_retrieval"),
        (16, "init"), (17, "error"), (18, "ping"), (19, "pong"),
        (32, "open_channel"), (33, "accept_channel"), (34, "funding_created"), (35, "funding_signed"), (36, "channel_ready"),
        (38, "shutdown"), (39, "closing_signed"), (40, "closing_complete"), (41, "closing_sig"),
        (64, "open_channel2"), (65, "accept_channel2"), (66, "tx_add_input"), (67, "tx_add_output"), (68, "tx_remove_input"),
        (69, "tx_remove_output"), (70, "tx_complete"), (71, "tx_signatures"), (72, "tx_init_rbf"), (73, "tx_ack_rbf"), (74, "tx_abort"),
        (128, "update_add_htlc"), (130, "update_fulfill_htlc"), (131, "update_fail_htlc"), (132, "commitment_signed"),
        (133, "revoke_and_ack"), (134, "update_fee"), (135, "update_fail_malformed_htlc"), (136, "channel_reestablish"),
        (256, "channel_announcement"), (257, "node_announcement"), (258, "channel_update"), (259, "announcement_signatures"),
        (261, "query_short_channel_ids"), (262, "reply_short_channel_ids_end"), (263, "query_channel_range"),
        (264, "reply_channel_range"), (265, "gossip_timestamp_filter"), (513, "onion_message"),
    ];

    /// <summary>Messages and bytes by type (plaintext: the 2-byte type and the payload).</summary>
    public static MessageCounters Messages { get; } = PeerdMetrics.CreateMessageCounters(Network, MessageNames);

    /// <summary>Counts a decrypted message from a peer (on its read loop).</summary>
    public static void Received(ReadOnlySpan<byte> message) => Count(MessageDirection.Receive, message);

    /// <summary>Counts a message encrypted for a peer (on its write loop).</summary>
    public static void Sent(ReadOnlySpan<byte> message) => Count(MessageDirection.Transmit, message);

    /// <summary>
    /// A BOLT 8 handshake plus <c>init</c> exchange ended: success when <paramref name="ok"/>, else a failure at
    /// <paramref name="stage"/> (a <see cref="ConnectStage"/>).
    /// </summary>
    public static void HandshakeEnded(bool inbound, bool ok, string stage)
    {
        var tags = new TagList { { "network", Network }, { "direction", inbound ? "inbound" : "outbound" }, { "outcome", ok ? "success" : "failure" } };
        if (!ok)
        {
            tags.Add("stage", StageLabel(stage));
        }

        PeerdMetrics.Handshakes.Add(1, tags);
    }

    /// <summary>
    /// One address of an outbound connect ended after <paramref name="elapsed"/>: success when <paramref name="ok"/>,
    /// else a failure at <paramref name="failedStage"/> (a <see cref="ConnectStage"/>; null: refused before any stage).
    /// </summary>
    public static void ConnectEnded(string? failedStage, bool ok, TimeSpan elapsed)
    {
        var outcome = ok ? "success" : "failure";
        var tags = new TagList { { "network", Network }, { "outcome", outcome } };
        PeerdMetrics.ConnectDuration.Record(elapsed.TotalSeconds, tags);
        if (!ok)
        {
            tags.Add("stage", StageLabel(failedStage));
        }

        PeerdMetrics.Connects.Add(1, tags);
    }

    /// <summary>The channel graph judged one gossip message.</summary>
    public static void GossipJudged(GossipVerdictKind verdict)
    {
        var tags = verdict switch
        {
            GossipVerdictKind.Stored => new TagList { { "outcome", "accepted" } },
            GossipVerdictKind.Duplicate => new TagList { { "outcome", "rejected" }, { "reason", "duplicate" } },
            GossipVerdictKind.Held => new TagList { { "outcome", "rejected" }, { "reason", "held" } },
            GossipVerdictKind.Refused => new TagList { { "outcome", "rejected" }, { "reason", "refused" } },
            _ => new TagList { { "outcome", "rejected" }, { "reason", "invalid" } },
        };
        PeerdMetrics.Gossip.Add(1, tags);
    }

    /// <summary>Reports <paramref name="progress"/>'s peers by state (every state, 0 when none) until the result is disposed.</summary>
    public static IDisposable TrackGossipSync(GossipSyncProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return PeerdMetrics.TrackGossipSync(Network, () => GossipSyncStates(progress.Snapshot().Peers));
    }

    /// <summary>How many of <paramref name="peers"/> are in each state, by the <c>state</c> label (every state, 0 when none).</summary>
    public static IReadOnlyList<KeyValuePair<string, int>> GossipSyncStates(IEnumerable<GossipPeerSync> peers)
    {
        ArgumentNullException.ThrowIfNull(peers);
        var counts = new int[4];
        foreach (var peer in peers)
        {
            counts[(int)peer.State]++;
        }

        return
        [
            new("requested", counts[(int)GossipPeerSyncState.Requested]),
            new("receiving", counts[(int)GossipPeerSyncState.Receiving]),
            new("done", counts[(int)GossipPeerSyncState.Done]),
            new("disconnected", counts[(int)GossipPeerSyncState.Disconnected]),
        ];
    }

    /// <summary>The <c>stage</c> label of a <see cref="ConnectStage"/> (Core Lightning's phrases are for people).</summary>
    public static string StageLabel(string? stage) => stage switch
    {
        ConnectStage.Establishment => "connect",
        ConnectStage.Handshake => "handshake",
        ConnectStage.Init => "init",
        _ => "refused",
    };

    private static void Count(MessageDirection direction, ReadOnlySpan<byte> message)
    {
        if (message.Length >= 2)
        {
            Messages.Count(direction, BinaryPrimitives.ReadUInt16BigEndian(message), message.Length);
        }
    }
}
