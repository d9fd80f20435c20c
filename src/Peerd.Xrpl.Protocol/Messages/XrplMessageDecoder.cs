using System.Buffers;
using Google.Protobuf;

namespace Peerd.Xrpl.Protocol.Messages;

/// <summary>What <c>XrplMessageDecoder.TryDecode</c> made of a payload.</summary>
public enum MessageDecodeStatus
{
    /// <summary>A known type whose payload parsed and has every required field.</summary>
    Decoded,

    /// <summary>A type rippled does not define; rippled ignores it (<c>onMessageUnknown</c>), so do we.</summary>
    UnknownType,

    /// <summary>A known type whose payload is not a valid message; rippled disconnects (<c>bad_message</c>).</summary>
    Malformed,
}

/// <summary>
/// Maps a frame's type to its protobuf message and parses the payload, as rippled's
/// <c>invokeProtocolMessage</c> does: <c>ParseFromZeroCopyStream</c> fails on bad wire data and on a missing
/// <c>required</c> field, and either means the peer sent a malformed message.
/// </summary>
public static class XrplMessageDecoder
{
    /// <summary>The protobuf parser for a known type, or null for an unknown one.</summary>
    public static MessageParser? ParserFor(XrplMessageType type) => type switch
    {
        XrplMessageType.Manifests => TMManifests.Parser,
        XrplMessageType.Ping => TMPing.Parser,
        XrplMessageType.Cluster => TMCluster.Parser,
        XrplMessageType.Endpoints => TMEndpoints.Parser,
        XrplMessageType.Transaction => TMTransaction.Parser,
        XrplMessageType.GetLedger => TMGetLedger.Parser,
        XrplMessageType.LedgerData => TMLedgerData.Parser,
        XrplMessageType.ProposeLedger => TMProposeSet.Parser,
        XrplMessageType.StatusChange => TMStatusChange.Parser,
        XrplMessageType.HaveSet => TMHaveTransactionSet.Parser,
        XrplMessageType.Validation => TMValidation.Parser,
        XrplMessageType.GetObjects => TMGetObjectByHash.Parser,
        XrplMessageType.ValidatorList => TMValidatorList.Parser,
        XrplMessageType.Squelch => TMSquelch.Parser,
        XrplMessageType.ValidatorListCollection => TMValidatorListCollection.Parser,
        XrplMessageType.ProofPathRequest => TMProofPathRequest.Parser,
        XrplMessageType.ProofPathResponse => TMProofPathResponse.Parser,
        XrplMessageType.ReplayDeltaRequest => TMReplayDeltaRequest.Parser,
        XrplMessageType.ReplayDeltaResponse => TMReplayDeltaResponse.Parser,
        XrplMessageType.HaveTransactions => TMHaveTransactions.Parser,
        XrplMessageType.Transactions => TMTransactions.Parser,
        _ => null,
    };

    /// <summary>The type a message is sent as (our own messages); throws <see cref="ArgumentException"/> for others.</summary>
    public static XrplMessageType TypeOf(IMessage message) => message switch
    {
        TMManifests => XrplMessageType.Manifests,
        TMPing => XrplMessageType.Ping,
        TMCluster => XrplMessageType.Cluster,
        TMEndpoints => XrplMessageType.Endpoints,
        TMTransaction => XrplMessageType.Transaction,
        TMGetLedger => XrplMessageType.GetLedger,
        TMLedgerData => XrplMessageType.LedgerData,
        TMProposeSet => XrplMessageType.ProposeLedger,
        TMStatusChange => XrplMessageType.StatusChange,
        TMHaveTransactionSet => XrplMessageType.HaveSet,
        TMValidation => XrplMessageType.Validation,
        TMGetObjectByHash => XrplMessageType.GetObjects,
        TMValidatorList => XrplMessageType.ValidatorList,
        TMSquelch => XrplMessageType.Squelch,
        TMValidatorListCollection => XrplMessageType.ValidatorListCollection,
        TMProofPathRequest => XrplMessageType.ProofPathRequest,
        TMProofPathResponse => XrplMessageType.ProofPathResponse,
        TMReplayDeltaRequest => XrplMessageType.ReplayDeltaRequest,
        TMReplayDeltaResponse => XrplMessageType.ReplayDeltaResponse,
        TMHaveTransactions => XrplMessageType.HaveTransactions,
        TMTransactions => XrplMessageType.Transactions,
        _ => throw new ArgumentException($"{message.GetType().Name} is not a peer message", nameof(message)),
    };

    /// <summary>Parses <paramref name="payload"/> as a message of <paramref name="type"/>; never throws for bad input.</summary>
    public static MessageDecodeStatus TryDecode(XrplMessageType type, in ReadOnlySequence<byte> payload, out IMessage? message)
    {
        message = null;
        var parser = ParserFor(type);
        if (parser is null)
        {
            return MessageDecodeStatus.UnknownType;
        }

        try
        {
            return Accept(parser.ParseFrom(payload), out message);
        }
        catch (Exception e) when (IsMalformedInput(e))
        {
            return MessageDecodeStatus.Malformed;
        }
    }

    /// <summary>Parses <paramref name="payload"/> (contiguous, as a connection's read loop hands it on); never throws for bad input.</summary>
    public static MessageDecodeStatus TryDecode(XrplMessageType type, ReadOnlySpan<byte> payload, out IMessage? message)
    {
        message = null;
        var parser = ParserFor(type);
        if (parser is null)
        {
            return MessageDecodeStatus.UnknownType;
        }

        try
        {
            return Accept(parser.ParseFrom(payload), out message);
        }
        catch (Exception e) when (IsMalformedInput(e))
        {
            return MessageDecodeStatus.Malformed;
        }
    }

    private static MessageDecodeStatus Accept(IMessage parsed, out IMessage? message)
    {
        message = parsed.IsInitialized() ? parsed : null;
        return message is null ? MessageDecodeStatus.Malformed : MessageDecodeStatus.Decoded;
    }

    /// <summary>How Google.Protobuf reports malformed input.</summary>
    /// <remarks>
    /// Besides <see cref="InvalidProtocolBufferException"/>: its ReadOnlySequence path reports a length prefix past
    /// int.MaxValue as <see cref="ArgumentOutOfRangeException"/> (found by the mutation run), and a nested message
    /// whose length prefix is near int.MaxValue overflows its limit arithmetic (3.25.1) into an
    /// <see cref="IndexOutOfRangeException"/> (found by coverage-guided fuzzing): malformed input too.
    /// </remarks>
    private static bool IsMalformedInput(Exception e) =>
        e is InvalidProtocolBufferException or ArgumentOutOfRangeException or IndexOutOfRangeException;
}
