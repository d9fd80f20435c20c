using System.Buffers;
using Google.Protobuf;

namespace Peerd.Xrpl.Protocol.Messages;

/// <summary>What <see cref="XrplMessageDecoder.TryDecode"/> made of a payload.</summary>
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
            var parsed = parser.ParseFrom(payload);
            if (!parsed.IsInitialized())
            {
                return MessageDecodeStatus.Malformed;
            }

            message = parsed;
            return MessageDecodeStatus.Decoded;
        }
        catch (InvalidProtocolBufferException)
        {
            return MessageDecodeStatus.Malformed;
        }
        catch (ArgumentOutOfRangeException)
        {
            // Google.Protobuf's ReadOnlySequence path reports a length prefix past int.MaxValue this way (found by
            // the mutation run); it is malformed input like any other.
            return MessageDecodeStatus.Malformed;
        }
        catch (IndexOutOfRangeException)
        {
            // A nested message whose length prefix is near int.MaxValue overflows Google.Protobuf's limit arithmetic
            // (3.25.1), which then indexes past its buffer (found by coverage-guided fuzzing): malformed input too.
            return MessageDecodeStatus.Malformed;
        }
    }
}
