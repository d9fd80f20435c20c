using Peerd.Lightning.Node;

namespace Peerd.Lightning.Gossip;

/// <summary>What <see cref="AddressBook.TryAccept(ReadOnlySpan{byte})"/> did with a <c>node_announcement</c>.</summary>
public enum AcceptStatus
{
    /// <summary>Verified, newer than what we had, stored.</summary>
    Accepted,

    /// <summary>Not newer than the announcement we hold ("if <c>timestamp</c> is NOT greater ... SHOULD ignore the message").</summary>
    Stale,

    /// <summary>
    /// Malformed, an invalid <c>node_id</c>, or a bad signature: "SHOULD send a <c>warning</c> ... MUST NOT process the
    /// message further". Nothing is stored.
    /// </summary>
    Invalid,

    /// <summary>Well-formed but refused by our limits (too long, timestamp too far ahead, our own id); nothing is stored.</summary>
    Refused,
}

/// <summary>The outcome of offering a <c>node_announcement</c> to the address book.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Reason">Why it was not accepted (the warning text for <see cref="AcceptStatus.Invalid"/>); null when accepted.</param>
/// <param name="Node">The announcing node, when its id could be read.</param>
public readonly record struct AcceptResult(AcceptStatus Status, string? Reason, NodeId? Node)
{
    /// <summary>Accepted for <paramref name="node"/>.</summary>
    public static AcceptResult Accepted(NodeId node) => new(AcceptStatus.Accepted, null, node);

    /// <summary>Stale.</summary>
    public static AcceptResult Stale(NodeId node) => new(AcceptStatus.Stale, "not newer than the announcement we have", node);

    /// <summary>Invalid, with the reason.</summary>
    public static AcceptResult Invalid(string reason, NodeId? node = null) => new(AcceptStatus.Invalid, reason, node);

    /// <summary>Refused by a limit, with the reason.</summary>
    public static AcceptResult Refused(string reason, NodeId? node = null) => new(AcceptStatus.Refused, reason, node);
}
