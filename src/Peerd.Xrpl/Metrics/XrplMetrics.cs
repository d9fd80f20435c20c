using System.Buffers.Binary;
using System.Diagnostics;
using Peerd.Peering.Metrics;
using Peerd.Xrpl.Overlay;

namespace Peerd.Xrpl.Metrics;

/// <summary>
/// The XRPL node's calls into <see cref="PeerdMetrics"/>: message counts by rippled's message type names
/// (<c>ripple.proto</c>'s <c>MessageType</c>), handshakes and connects from each attempt's end, validations.
/// </summary>
public static class XrplMetrics
{
    /// <summary>The <c>network</c> label.</summary>
    public const string Network = "xrpl";

    /// <summary>The message types counted by name, as <c>ripple.proto</c> names them; any other is <c>unknown</c>.</summary>
    public static readonly IReadOnlyList<(int Type, string Name)> MessageNames =
    [
        (2, "mtMANIFESTS"), (3, "mtPING"), (5, "mtCLUSTER"), (15, "mtENDPOINTS"), (30, "mtTRANSACTION"), (31, "mtGET_LEDGER"),
        (32, "mtLEDGER_DATA"), (33, "mtPROPOSE_LEDGER"), (34, "mtSTATUS_CHANGE"), (35, "mtHAVE_SET"), (41, "mtVALIDATION"),
        (42, "mtGET_OBJECTS"), (54, "mtVALIDATORLIST"), (55, "mtSQUELCH"), (56, "mtVALIDATORLISTCOLLECTION"),
        (57, "mtPROOF_PATH_REQ"), (58, "mtPROOF_PATH_RESPONSE"), (59, "mtREPLAY_DELTA_REQ"), (60, "mtREPLAY_DELTA_RESPONSE"),
        (63, "mtHAVE_TRANSACTIONS"), (64, "mtTRANSACTIONS"),
    ];

    /// <summary>Messages and bytes by type (whole frames: header and payload).</summary>
    public static MessageCounters Messages { get; } = PeerdMetrics.CreateMessageCounters(Network, MessageNames);

    /// <summary>Counts a frame read from a peer.</summary>
    public static void Received(int type, int frameBytes) => Messages.Count(MessageDirection.Receive, type, frameBytes);

    /// <summary>Counts a frame (as <c>XrplFrameWriter</c> encoded it: a 6-byte header, the type in bytes 4–5) written to a peer.</summary>
    public static void Sent(ReadOnlySpan<byte> frame)
    {
        if (frame.Length >= 6)
        {
            Messages.Count(MessageDirection.Transmit, BinaryPrimitives.ReadUInt16BigEndian(frame[4..]), frame.Length);
        }
    }

    /// <summary>
    /// An attempt ended (<paramref name="attempt"/> is its final state) after <paramref name="elapsed"/>: a handshake
    /// unless it failed before its TCP connection was up, and for an outbound one a connect.
    /// </summary>
    public static void AttemptEnded(ConnectionAttemptSnapshot attempt, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var ok = attempt.Outcome == ConnectionOutcome.Connected;
        var stage = StageLabel(attempt.Stage);
        var inbound = attempt.Direction == ConnectionDirection.Inbound;
        if (ok || attempt.Stage != ConnectionStage.Tcp)
        {
            var handshake = new TagList { { "network", Network }, { "direction", inbound ? "inbound" : "outbound" }, { "outcome", ok ? "success" : "failure" } };
            if (!ok)
            {
                handshake.Add("stage", stage);
            }

            PeerdMetrics.Handshakes.Add(1, handshake);
        }

        if (!inbound)
        {
            var connect = new TagList { { "network", Network }, { "outcome", ok ? "success" : "failure" } };
            PeerdMetrics.ConnectDuration.Record(elapsed.TotalSeconds, connect);
            if (!ok)
            {
                connect.Add("stage", stage);
            }

            PeerdMetrics.Connects.Add(1, connect);
        }
    }

    /// <summary>A validation was counted: <paramref name="result"/> is <c>trusted</c>, <c>untrusted</c>, or why it was refused.</summary>
    public static void Validation(string result) => PeerdMetrics.Validations.Add(1, new KeyValuePair<string, object?>("result", result));

    /// <summary>The <c>result</c> label for a refused validation, from the refusal's text.</summary>
    public static string RefusalLabel(string refusal) => refusal switch
    {
        "not current" => "not_current",
        "invalid signature" => "bad_signature",
        _ => "malformed",
    };

    /// <summary>The <c>stage</c> label: <c>connect</c> (the TCP connection), <c>tls</c>, <c>upgrade</c>, <c>verify</c>.</summary>
    public static string StageLabel(ConnectionStage stage) => stage switch
    {
        ConnectionStage.Tcp => "connect",
        ConnectionStage.Tls => "tls",
        ConnectionStage.Upgrade => "upgrade",
        ConnectionStage.Verify => "verify",
        _ => "session",
    };
}
