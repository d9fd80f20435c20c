using System.Globalization;
using System.Text.Json.Nodes;
using Peerd.Xrpl.Protocol.Messages;
using Peerd.Xrpl.Protocol.Validators;

namespace Peerd.Xrpl.Admin.Streams;

/// <summary>Stream messages in rippled's shapes (<c>NetworkOPsImp::pubValidation</c>, <c>pubManifest</c>, <c>pubPeerStatus</c>).</summary>
internal static class StreamMessages
{
    /// <summary><c>validationReceived</c>.</summary>
    public static JsonObject Validation(Validation validation, ValidatorKey? master, uint? networkId)
    {
        ArgumentNullException.ThrowIfNull(validation);
        var message = new JsonObject
        {
            ["type"] = "validationReceived",
            ["validation_public_key"] = validation.SigningKey.ToBase58(),
            ["ledger_hash"] = Convert.ToHexString(validation.LedgerHash),
            ["signature"] = Convert.ToHexString(validation.Signature),
            ["full"] = validation.Full,
            ["flags"] = validation.Flags,
            ["signing_time"] = validation.SigningTime,
            ["data"] = Convert.ToHexString(validation.Serialized),
            ["ledger_index"] = validation.LedgerSequence.ToString(CultureInfo.InvariantCulture),
        };
        if (networkId is { } id)
        {
            message["network_id"] = id;
        }

        if (master is not null && !master.Equals(validation.SigningKey))
        {
            message["master_key"] = master.ToBase58();
        }

        if (validation.CloseTime is { } close)
        {
            message["close_time"] = close;
        }

        if (validation.Cookie is { } cookie)
        {
            message["cookie"] = cookie.ToString(CultureInfo.InvariantCulture);
        }

        if (validation.ServerVersion is { } version)
        {
            message["server_version"] = version.ToString(CultureInfo.InvariantCulture);
        }

        return message;
    }

    /// <summary><c>manifestReceived</c>.</summary>
    public static JsonObject Manifest(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var message = new JsonObject
        {
            ["type"] = "manifestReceived",
            ["master_key"] = manifest.MasterKey.ToBase58(),
            ["seq"] = manifest.Sequence,
        };
        if (manifest.SigningKey is { } signing)
        {
            message["signing_key"] = signing.ToBase58();
        }

        if (manifest.Domain is { } domain)
        {
            message["domain"] = domain;
        }

        message["manifest"] = manifest.Base64;
        return message;
    }

    /// <summary><c>peerStatusChange</c>, from a peer's <c>TMStatusChange</c> (<c>PeerImp::onMessage(TMStatusChange)</c>).</summary>
    public static JsonObject PeerStatus(TMStatusChange status, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(status);
        var message = new JsonObject { ["type"] = "peerStatusChange" };
        if (status.HasNewEvent)
        {
            message["action"] = status.NewEvent switch
            {
                NodeEvent.NeClosingLedger => "CLOSING_LEDGER",
                NodeEvent.NeAcceptedLedger => "ACCEPTED_LEDGER",
                NodeEvent.NeSwitchedLedger => "SWITCHED_LEDGER",
                _ => "LOST_SYNC",
            };
        }

        if (status.HasNewStatus)
        {
            message["status"] = status.NewStatus switch
            {
                NodeStatus.NsConnecting => "CONNECTING",
                NodeStatus.NsConnected => "CONNECTED",
                NodeStatus.NsMonitoring => "MONITORING",
                NodeStatus.NsValidating => "VALIDATING",
                _ => "SHUTTING",
            };
        }

        if (status.HasLedgerHash && status.LedgerHash.Length == 32)
        {
            message["ledger_hash"] = Convert.ToHexString(status.LedgerHash.Span);
        }

        if (status.HasLedgerSeq)
        {
            message["ledger_index"] = status.LedgerSeq;
        }

        if (status.HasFirstSeq && status.HasLastSeq)
        {
            message["ledger_index_min"] = status.FirstSeq;
            message["ledger_index_max"] = status.LastSeq;
        }

        message["date"] = status.HasNetworkTime ? status.NetworkTime : (ulong)Protocol.Handshake.NetworkTime.ToNetworkSeconds(now);
        return message;
    }
}
