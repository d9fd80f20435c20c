using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;
using Peerd.Xrpl.Protocol.Framing;
using Peerd.Xrpl.Protocol.Messages;

namespace Peerd.Fuzz.Targets;

/// <summary>An XRPL protobuf payload of any type: a u16 message type, then the payload; decodes or is malformed/unknown.</summary>
internal static class XrplMessages
{
    public static FuzzTarget Target { get; } = new("xrpl-messages", "u16 message type + protobuf payload", Seeds, Run);

    /// <summary>One message of each kind the overlay reads.</summary>
    public static IMessage[] Samples { get; } =
    [
        new TMPing { Type = TMPing.Types.pingType.PtPing, Seq = 7, PingTime = 1_700_000_000 },
        Endpoints("1.2.3.4:51235", "[2001:db8::1]:2459"),
        new TMStatusChange { NewStatus = NodeStatus.NsConnected, LedgerSeq = 90_000_000, LedgerHash = ByteString.CopyFrom(new byte[32]), NetworkTime = 800_000_000 },
        new TMValidation { Validation = ByteString.CopyFrom([.. Enumerable.Range(0, 120).Select(i => (byte)i)]) },
        new TMManifests { List = { new TMManifest { Stobject = ByteString.CopyFrom(new byte[90]) } } },
        new TMGetLedger { Itype = TMLedgerInfoType.LiBase, LedgerSeq = 5, NodeIDs = { ByteString.CopyFrom(new byte[33]) } },
        new TMSquelch { Squelch = true, ValidatorPubKey = ByteString.CopyFrom(new byte[33]), SquelchDuration = 300 },
    ];

    /// <summary>A 10-byte LZ4 header (algorithm 0x9, reserved bits clear) over a small payload.</summary>
    public static byte[] CompressedHeaderFrame()
    {
        var frame = new byte[XrplFraming.CompressedHeaderLength + 4];
        BinaryPrimitives.WriteUInt32BigEndian(frame, 0x9000_0000u | 4);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(4), (ushort)XrplMessageType.Ping);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(6), 16);
        return frame;
    }

    private static IEnumerable<byte[]> Seeds() => Samples.Select(m =>
    {
        var prefix = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(prefix, (ushort)XrplMessageDecoder.TypeOf(m));
        return (byte[])[.. prefix, .. m.ToByteArray()];
    });

    private static void Run(byte[] input)
    {
        if (input.Length < 2)
        {
            return;
        }

        var type = (XrplMessageType)BinaryPrimitives.ReadUInt16BigEndian(input);
        var status = XrplMessageDecoder.TryDecode(type, Segments.Split(input[2..], (input.Length - 2) / 2), out var message);
        FuzzInvariantException.Check(status == MessageDecodeStatus.Decoded == message is not null, "a decoded status without a message, or a message without one");
    }

    private static TMEndpoints Endpoints(params string[] endpoints)
    {
        var message = new TMEndpoints { Version = 2 };
        foreach (var endpoint in endpoints)
        {
            message.EndpointsV2.Add(new TMEndpoints.Types.TMEndpointv2 { Endpoint = endpoint, Hops = 1 });
        }

        return message;
    }
}
