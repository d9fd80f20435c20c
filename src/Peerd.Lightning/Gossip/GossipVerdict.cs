namespace Peerd.Lightning.Gossip;

/// <summary>What the graph did with one gossip message.</summary>
public enum GossipVerdictKind
{
    /// <summary>Verified and stored (new, or newer than what was held).</summary>
    Stored,

    /// <summary>Already held (the same channel, or a timestamp not newer): ignored at no signature cost.</summary>
    Duplicate,

    /// <summary>A <c>node_announcement</c> for a node with no known channel yet, held until its channel arrives.</summary>
    Held,

    /// <summary>Well-formed but refused by a rule or limit (chain, unknown channel, age, rate, size): ignored, no warning.</summary>
    Refused,

    /// <summary>Malformed or a bad signature: BOLT #7 "SHOULD send a <c>warning</c>"; nothing is stored.</summary>
    Invalid,
}

/// <summary>The graph's answer for one message, with the reason when it was not stored.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Reason">Why (null when stored).</param>
public readonly record struct GossipVerdict(GossipVerdictKind Kind, string? Reason)
{
    /// <summary>Stored.</summary>
    public static GossipVerdict Stored { get; } = new(GossipVerdictKind.Stored, null);

    /// <summary>A duplicate, with what it duplicates.</summary>
    public static GossipVerdict Duplicate(string reason) => new(GossipVerdictKind.Duplicate, reason);

    /// <summary>Held for its channel.</summary>
    public static GossipVerdict Held { get; } = new(GossipVerdictKind.Held, "node_announcement held until a channel of its node is known");

    /// <summary>Refused, with the reason.</summary>
    public static GossipVerdict Refused(string reason) => new(GossipVerdictKind.Refused, reason);

    /// <summary>Invalid, with the reason (the warning's text).</summary>
    public static GossipVerdict Invalid(string reason) => new(GossipVerdictKind.Invalid, reason);
}
