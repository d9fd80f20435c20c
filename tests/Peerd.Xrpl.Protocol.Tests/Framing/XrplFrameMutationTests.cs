using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;
using Peerd.TestKit;
using Peerd.TestKit.Fuzzing;
using Peerd.Xrpl.Protocol.Framing;
using Peerd.Xrpl.Protocol.Messages;
using Xunit.Abstractions;

namespace Peerd.Xrpl.Protocol.Tests.Framing;

/// <summary>
/// Mutated XRPL frame streams: each frame header is read or refused with a <see cref="FrameError"/> (before the
/// payload is waited for), each payload decodes or is malformed/unknown — never an exception, and never an
/// allocation beyond a constant (protobuf's recursion limit bounds nested groups) plus a multiple of the input size (a
/// header claiming 64 MiB costs nothing until the bytes arrive). Frames written
/// read back as the same messages.
/// </summary>
public class XrplFrameMutationTests(ITestOutputHelper output)
{
    private static readonly IMessage[] Messages =
    [
        new TMPing { Type = TMPing.Types.pingType.PtPing, Seq = 7, PingTime = 1_700_000_000 },
        Endpoints("1.2.3.4:51235", "[2001:db8::1]:2459"),
        new TMStatusChange { NewStatus = NodeStatus.NsConnected, LedgerSeq = 90_000_000, LedgerHash = ByteString.CopyFrom(new byte[32]), NetworkTime = 800_000_000 },
        new TMValidation { Validation = ByteString.CopyFrom(Enumerable.Range(0, 120).Select(i => (byte)i).ToArray()) },
        new TMManifests { List = { new TMManifest { Stobject = ByteString.CopyFrom(new byte[90]) } } },
        new TMGetLedger { Itype = TMLedgerInfoType.LiBase, LedgerSeq = 5, NodeIDs = { ByteString.CopyFrom(new byte[33]) } },
        new TMSquelch { Squelch = true, ValidatorPubKey = ByteString.CopyFrom(new byte[33]), SquelchDuration = 300 },
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MutatedFrameStreamsEndInMessagesMoreDataOrATypedError(bool compression)
    {
        byte[][] corpus = [.. Messages.Select(XrplFrameWriter.Encode), [.. Messages.SelectMany(XrplFrameWriter.Encode)], CompressedHeaderFrame()];
        Fuzzer.Run(
            new FuzzTarget($"XRPL frames (compression {(compression ? "on" : "off")})", corpus, input => ReadAll(input, compression))
            {
                Inputs = 15_000,
                AllocationBase = 64 * 1024,
                AllocationPerByte = 32,
            },
            output);
    }

    [Fact]
    public void MutatedPayloadsOfEveryTypeDecodeOrAreMalformed()
    {
        // Input: a u16 message type, then the payload.
        byte[][] corpus = [.. Messages.Select(m => (byte[])[.. TypePrefix(XrplMessageDecoder.TypeOf(m)), .. m.ToByteArray()])];
        Fuzzer.Run(
            new FuzzTarget("XRPL protobuf messages", corpus, input =>
            {
                if (input.Length < 2)
                {
                    return FuzzVerdict.Rejected;
                }

                var type = (XrplMessageType)BinaryPrimitives.ReadUInt16BigEndian(input);
                var status = XrplMessageDecoder.TryDecode(type, new ReadOnlySequence<byte>(input, 2, input.Length - 2), out var message);
                Assert.Equal(status == MessageDecodeStatus.Decoded, message is not null);
                return status == MessageDecodeStatus.Decoded ? FuzzVerdict.Decoded : FuzzVerdict.Rejected;
            }) { Inputs = 40_000, AllocationBase = 64 * 1024, AllocationPerByte = 32 },
            output);
    }

    [Fact]
    public void AFrameAfterAnEmptyFirstSegmentIsRead()
    {
        // Found by the frame mutation run: the first byte was read from the first segment even when it was empty.
        var frame = XrplFrameWriter.Encode(Messages[0]);
        var sequence = Fragmentation.Sequence(ReadOnlyMemory<byte>.Empty, frame);
        Assert.Equal(OperationStatus.Done, XrplFrameReader.TryReadFrame(sequence, false, out var read, out _, out _, out _));
        Assert.Equal(XrplMessageType.Ping, read.Header.Type);
        Assert.Equal(OperationStatus.InvalidData, XrplFrameReader.TryReadHeader(Fragmentation.Sequence(ReadOnlyMemory<byte>.Empty, new byte[] { 0xff }), false, out _, out _));
    }

    [Fact]
    public void ALengthPrefixBeyondInt32IsMalformedNotAnException()
    {
        // Found by a long mutation run: TMEndpoints whose endpoints_v2 length varint is ffffffff57.
        var payload = Convert.FromHexString("08021affffffff573030313a6462383a3a315d3a3910323435391001");
        Assert.Equal(MessageDecodeStatus.Malformed, XrplMessageDecoder.TryDecode(XrplMessageType.Endpoints, new ReadOnlySequence<byte>(payload), out var message));
        Assert.Null(message);
    }

    [Fact]
    public void FramesWrittenReadBackAsTheSameMessagesUnderAnyFragmentation()
    {
        Property.Check("XRPL frame round trip", 2_000, random =>
        {
            var sent = Enumerable.Range(0, 1 + random.Next(4)).Select(_ => RandomMessage(random)).ToArray();
            var stream = sent.SelectMany(XrplFrameWriter.Encode).ToArray();
            var cut = random.Next(stream.Length + 1);
            var sequence = Fragmentation.Sequence(stream.AsMemory(0, cut), stream.AsMemory(cut));
            var received = new List<IMessage>();
            while (XrplFrameReader.TryReadFrame(sequence, false, out var frame, out var consumed, out _, out _) == OperationStatus.Done)
            {
                Assert.Equal(MessageDecodeStatus.Decoded, XrplMessageDecoder.TryDecode(frame.Header.Type, frame.Payload, out var message));
                received.Add(message!);
                sequence = sequence.Slice(consumed);
            }

            Assert.Equal(sent, received);
            Assert.True(sequence.IsEmpty);
        }, output);
    }

    private static FuzzVerdict ReadAll(byte[] input, bool compression)
    {
        var sequence = Fragmentation.Sequence(input.AsMemory(0, input.Length / 2), input.AsMemory(input.Length / 2));
        var verdict = FuzzVerdict.Decoded;
        while (true)
        {
            var status = XrplFrameReader.TryReadFrame(sequence, compression, out var frame, out var consumed, out _, out var error);
            if (status == OperationStatus.InvalidData)
            {
                Assert.NotEqual(FrameError.None, error);
                return FuzzVerdict.Rejected;
            }

            if (status == OperationStatus.NeedMoreData)
            {
                return sequence.IsEmpty ? verdict : FuzzVerdict.Rejected;
            }

            Assert.Equal(frame.Header.TotalLength, sequence.Slice(0, consumed).Length);
            if (!frame.Header.IsCompressed && XrplMessageDecoder.TryDecode(frame.Header.Type, frame.Payload, out _) != MessageDecodeStatus.Decoded)
            {
                verdict = FuzzVerdict.Rejected;
            }

            sequence = sequence.Slice(consumed);
        }
    }

    private static IMessage RandomMessage(Random random) => random.Next(4) switch
    {
        0 => new TMPing { Type = TMPing.Types.pingType.PtPong, Seq = (uint)random.Next(), NetTime = (ulong)random.NextInt64() },
        1 => Endpoints([.. Enumerable.Range(0, random.Next(10)).Select(i => $"10.0.{i}.{random.Next(256)}:{random.Next(1, 65536)}")]),
        2 => new TMValidation { Validation = ByteString.CopyFrom(random.Bytes(2000)) },
        _ => new TMSquelch { Squelch = random.Next(2) == 0, ValidatorPubKey = ByteString.CopyFrom(random.Bytes(33)), SquelchDuration = (uint)random.Next() },
    };

    private static TMEndpoints Endpoints(params string[] endpoints)
    {
        var message = new TMEndpoints { Version = 2 };
        foreach (var endpoint in endpoints)
        {
            message.EndpointsV2.Add(new TMEndpoints.Types.TMEndpointv2 { Endpoint = endpoint, Hops = 1 });
        }

        return message;
    }

    private static byte[] TypePrefix(XrplMessageType type)
    {
        var prefix = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(prefix, (ushort)type);
        return prefix;
    }

    /// <summary>A 10-byte LZ4 header (algorithm 0x9, reserved bits clear) over a small payload.</summary>
    private static byte[] CompressedHeaderFrame()
    {
        var frame = new byte[XrplFraming.CompressedHeaderLength + 4];
        BinaryPrimitives.WriteUInt32BigEndian(frame, 0x9000_0000u | 4);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(4), (ushort)XrplMessageType.Ping);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(6), 16);
        return frame;
    }
}
