namespace Peerd.Xrpl.Protocol.Validators;

/// <summary>One configured publisher's lists: the current one and those that take effect later (rippled's <c>PublisherListCollection</c>).</summary>
public sealed class PublisherLists
{
    internal PublisherLists(ValidatorKey key)
    {
        Key = key;
    }

    /// <summary>The publisher's master key.</summary>
    public ValidatorKey Key { get; }

    /// <summary>The state.</summary>
    public PublisherStatus Status { get; internal set; } = PublisherStatus.Unavailable;

    /// <summary>The current (or newest expired) list, if any.</summary>
    public PublishedList? Current { get; internal set; }

    /// <summary>Verified lists not yet effective, by sequence.</summary>
    public SortedDictionary<uint, PublishedList> Pending { get; } = [];

    /// <summary>The highest sequence seen.</summary>
    public uint? MaxSequence { get; internal set; }

    /// <summary>The publisher manifest that came with the newest message (base64).</summary>
    public string? RawManifest { get; internal set; }

    /// <summary>The highest list version seen for this publisher.</summary>
    public uint RawVersion { get; internal set; } = 1;
}
