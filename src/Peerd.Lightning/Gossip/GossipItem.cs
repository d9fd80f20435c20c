using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;

namespace Peerd.Lightning.Gossip;

/// <summary>
/// One gossip message on its way into the graph: decoded and pre-checked by <see cref="ChannelGraph.Prepare"/> (in
/// arrival order), its signatures checked by <see cref="Verify"/> (on any core), then applied in arrival order.
/// </summary>
internal sealed class GossipItem
{
    public GossipItem(byte[] message, MessageType type)
    {
        Message = message;
        Type = type;
    }

    public byte[] Message { get; }

    public MessageType Type { get; }

    public ChannelAnnouncement? Channel { get; init; }

    public ChannelUpdate? Update { get; init; }

    public NodeAnnouncement? Node { get; init; }

    /// <summary>The key a <c>channel_update</c>'s signature must verify under (its direction's node).</summary>
    public byte[]? SignerKey { get; init; }

    /// <summary>The funding output's value when a chain source checked it (0: not known).</summary>
    public long FundingSatoshis { get; set; }

    /// <summary>Decided before or by the signature check; null while it may still be stored.</summary>
    public GossipVerdict? Verdict { get; set; }

    /// <summary>Checks the message's signatures (thread-safe; the item is owned by one worker meanwhile).</summary>
    public void Verify()
    {
        if (Verdict is not null)
        {
            return;
        }

        Span<byte> hash = stackalloc byte[32];
        if (Channel is { } channel)
        {
            channel.ComputeSignedHash(hash);
            if (!channel.VerifySignatures(hash))
            {
                Verdict = GossipVerdict.Invalid($"Bad signature on channel_announcement {channel.ShortChannelId}");
            }
        }
        else if (Update is { } update)
        {
            update.ComputeSignedHash(hash);
            if (!update.VerifySignature(hash, SignerKey))
            {
                Verdict = GossipVerdict.Invalid($"Bad signature on channel_update {update.ShortChannelId}/{update.Direction}");
            }
        }
        else if (Node is { } node && !node.VerifySignature())
        {
            Verdict = GossipVerdict.Invalid($"Bad signature on node_announcement from {Peerd.Primitives.Hex.Encode(node.NodeId)}");
        }
    }

    /// <summary>How many signatures <see cref="Verify"/> checks (for the benchmark's bound).</summary>
    public int SignatureCount => Verdict is not null ? 0 : Channel is not null ? 4 : 1;
}
