namespace Peerd.Xrpl.Protocol.Validators;

/// <summary>What became of a published validator list (rippled's <c>ListDisposition</c>, best first).</summary>
public enum ListDisposition
{
    /// <summary>Valid and now current.</summary>
    Accepted = 0,

    /// <summary>Valid signature but already expired; kept as the newest seen.</summary>
    Expired,

    /// <summary>Valid but effective later; kept until then.</summary>
    Pending,

    /// <summary>The sequence of the current list.</summary>
    SameSequence,

    /// <summary>A future sequence already held.</summary>
    KnownSequence,

    /// <summary>Older than the current list.</summary>
    Stale,

    /// <summary>Not signed by a configured publisher, or the publisher's key is revoked.</summary>
    Untrusted,

    /// <summary>A list version other than 1 or 2.</summary>
    UnsupportedVersion,

    /// <summary>Bad signature, bad JSON or bad fields.</summary>
    Invalid,
}

/// <summary>rippled's JSON names of <see cref="ListDisposition"/>.</summary>
public static class ListDispositionNames
{
    /// <summary>The name rippled prints (<c>to_string(ListDisposition)</c>).</summary>
    public static string ToWire(this ListDisposition disposition) => disposition switch
    {
        ListDisposition.Accepted => "accepted",
        ListDisposition.Expired => "expired",
        ListDisposition.Pending => "pending",
        ListDisposition.SameSequence => "same_sequence",
        ListDisposition.KnownSequence => "known_sequence",
        ListDisposition.Stale => "stale",
        ListDisposition.Untrusted => "untrusted",
        ListDisposition.UnsupportedVersion => "unsupported_version",
        _ => "invalid",
    };
}
