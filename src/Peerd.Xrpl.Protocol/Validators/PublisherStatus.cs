namespace Peerd.Xrpl.Protocol.Validators;

/// <summary>A configured publisher's state (rippled's <c>PublisherStatus</c>).</summary>
public enum PublisherStatus
{
    /// <summary>A current list is held.</summary>
    Available,

    /// <summary>The newest list has expired.</summary>
    Expired,

    /// <summary>No list yet.</summary>
    Unavailable,

    /// <summary>The publisher's master key was revoked.</summary>
    Revoked,
}
