using Peerd.Lightning.Protocol.Gossip;

namespace Peerd.Lightning.Protocol.Messages;

/// <summary>
/// Classifies and decodes one whole plaintext Lightning message (u16 type then payload, as BOLT #8 delivers it)
/// following BOLT #1's receiving rules. Never throws on peer input.
/// </summary>
public static class LightningMessageDecoder
{
    /// <summary>Decodes <paramref name="message"/>.</summary>
    public static DecodedMessage Decode(ReadOnlySpan<byte> message)
    {
        if (!LightningMessage.TryReadType(message, out ushort type))
        {
            return new(DecodeOutcome.Malformed, 0, null, new DecodeFailure(DecodeFailureKind.Truncated, $"message of {message.Length} byte(s) is shorter than its type"));
        }

        ILightningMessage? decoded;
        DecodeFailure failure;
        bool ok;
        switch ((MessageType)type)
        {
            case MessageType.Init:
                ok = InitMessage.TryDecode(message, out var init, out failure);
                decoded = init;
                break;
            case MessageType.Error:
                ok = ErrorMessage.TryDecode(message, out var error, out failure);
                decoded = error;
                break;
            case MessageType.Warning:
                ok = WarningMessage.TryDecode(message, out var warning, out failure);
                decoded = warning;
                break;
            case MessageType.Ping:
                ok = PingMessage.TryDecode(message, out var ping, out failure);
                decoded = ping;
                break;
            case MessageType.Pong:
                ok = PongMessage.TryDecode(message, out var pong, out failure);
                decoded = pong;
                break;
            case MessageType.NodeAnnouncement:
                ok = NodeAnnouncement.TryDecode(message, out var announcement, out failure);
                decoded = announcement;
                break;
            case MessageType.GossipTimestampFilter:
                ok = GossipTimestampFilter.TryDecode(message, out var filter, out failure);
                decoded = filter;
                break;
            case MessageType.PeerStorage:
            case MessageType.PeerStorageRetrieval:
            case MessageType.ChannelAnnouncement:
            case MessageType.ChannelUpdate:
            case MessageType.AnnouncementSignatures:
            case MessageType.QueryShortChannelIds:
            case MessageType.ReplyShortChannelIdsEnd:
            case MessageType.QueryChannelRange:
            case MessageType.ReplyChannelRange:
                return new(DecodeOutcome.Ignored, type, null, null);
            default:
                return new((type & 1) == 1 ? DecodeOutcome.UnknownOdd : DecodeOutcome.UnknownEven, type, null, null);
        }

        return ok
            ? new(DecodeOutcome.Decoded, type, decoded, null)
            : new(DecodeOutcome.Malformed, type, null, failure);
    }
}
