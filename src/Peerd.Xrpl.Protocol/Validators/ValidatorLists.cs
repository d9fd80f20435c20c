namespace Peerd.Xrpl.Protocol.Validators;

/// <summary>
/// The trust anchors and what they vouch for (rippled's <c>ValidatorList</c>): configured publishers and their
/// verified lists, static validators, the validators' manifests, the trusted master keys and the quorum. Pure: time
/// (seconds since the XRPL epoch) is an argument. Not thread-safe: the owner serialises calls.
/// </summary>
public sealed class ValidatorLists
{
    private readonly Dictionary<ValidatorKey, PublisherLists> _publishers = [];
    private readonly HashSet<ValidatorKey> _static;
    private readonly ManifestCache _publisherManifests = new();
    private HashSet<ValidatorKey> _trusted = [];

    /// <summary>Configures the anchors.</summary>
    /// <param name="publishers">Publisher master keys (<c>[validator_list_keys]</c>).</param>
    /// <param name="staticValidators">Validators trusted without a list (<c>[validators]</c>).</param>
    /// <param name="threshold">How many publishers must list a validator (<c>[validator_list_threshold]</c>); 0 picks rippled's default.</param>
    public ValidatorLists(IEnumerable<ValidatorKey> publishers, IEnumerable<ValidatorKey> staticValidators, int threshold)
    {
        ArgumentNullException.ThrowIfNull(publishers);
        ArgumentNullException.ThrowIfNull(staticValidators);
        foreach (var key in publishers)
        {
            _publishers.TryAdd(key, new PublisherLists(key));
        }

        _static = [.. staticValidators];
        var count = _publishers.Count;
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threshold, Math.Max(count, 1));

        // rippled: a threshold of 0 means 1 for one or two publishers, else a majority of them.
        Threshold = threshold != 0 ? threshold : count < 3 ? 1 : (count / 2) + 1;
        Quorum = ComputeQuorum();
    }

    /// <summary>The validators' manifests (from lists and from <c>TMManifests</c>).</summary>
    public ManifestCache ValidatorManifests { get; } = new();

    /// <summary>The effective list threshold.</summary>
    public int Threshold { get; }

    /// <summary>The configured publishers.</summary>
    public IReadOnlyCollection<PublisherLists> Publishers => _publishers.Values;

    /// <summary>The static validators.</summary>
    public IReadOnlyCollection<ValidatorKey> StaticValidators => _static;

    /// <summary>The trusted master keys (the UNL).</summary>
    public IReadOnlySet<ValidatorKey> Trusted => _trusted;

    /// <summary>Full validations needed for a ledger to be validated; <see cref="int.MaxValue"/> while unreachable.</summary>
    public int Quorum { get; private set; }

    /// <summary>True when anything is configured.</summary>
    public bool HasAnchors => _publishers.Count > 0 || _static.Count > 0;

    /// <summary>The manifest of a publisher, if known.</summary>
    public Manifest? PublisherManifest(ValidatorKey publisher) => _publisherManifests.Get(publisher);

    /// <summary>Applies a validator's manifest (from <c>TMManifests</c> or a list).</summary>
    public ManifestDisposition ApplyManifest(Manifest manifest) => ValidatorManifests.Apply(manifest);

    /// <summary>The trusted master key behind <paramref name="signingKey"/>, or null when it is not trusted now.</summary>
    public ValidatorKey? TrustedMasterOf(ValidatorKey signingKey)
    {
        var master = ValidatorManifests.MasterKeyOf(signingKey);
        return _trusted.Contains(master) && !ValidatorManifests.IsRevoked(master) ? master : null;
    }

    /// <summary>
    /// Applies a list message (<c>ValidatorList::applyLists</c>): each blob is verified in <c>ValidatorList::verify</c>'s
    /// order; the result is the best disposition. Call <see cref="UpdateTrusted"/> afterwards.
    /// </summary>
    public ListApplyResult Apply(ListEnvelope envelope, uint now, string siteUri)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (envelope.Version is not (1 or 2))
        {
            return new ListApplyResult(ListDisposition.UnsupportedVersion, ListDisposition.UnsupportedVersion, null, null);
        }

        var best = ListDisposition.Invalid;
        var worst = ListDisposition.Accepted;
        ValidatorKey? publisher = null;
        if (envelope.Blobs.Count == 0)
        {
            return new ListApplyResult(ListDisposition.Invalid, ListDisposition.Invalid, null, null);
        }

        foreach (var blob in envelope.Blobs)
        {
            var (disposition, key) = ApplyOne(envelope.Manifest, envelope.Version, blob, now, siteUri);
            publisher ??= key;
            best = disposition < best ? disposition : best;
            worst = disposition > worst ? disposition : worst;
        }

        if (publisher is not null && _publishers.TryGetValue(publisher, out var collection))
        {
            // "Clean up the collection": drop pending lists at or below the current sequence, and those a later
            // pending list makes effective no later.
            var current = collection.Current?.Content.Sequence ?? 0;
            var keys = collection.Pending.Keys.ToList();
            for (var i = 0; i < keys.Count; i++)
            {
                var next = i + 1 < keys.Count ? collection.Pending[keys[i + 1]] : null;
                if (keys[i] <= current || (next is not null && next.Content.Effective <= collection.Pending[keys[i]].Content.Effective))
                {
                    collection.Pending.Remove(keys[i]);
                }
            }

            return new ListApplyResult(best, worst, publisher, collection.MaxSequence);
        }

        return new ListApplyResult(best, worst, publisher, null);
    }

    /// <summary>
    /// Promotes pending lists that took effect, expires lists past their expiration, and recomputes the trusted set and
    /// the quorum (<c>ValidatorList::updateTrusted</c>). True when the trusted set or the quorum changed.
    /// </summary>
    public bool UpdateTrusted(uint now)
    {
        foreach (var collection in _publishers.Values)
        {
            if (collection.Status == PublisherStatus.Revoked)
            {
                continue;
            }

            PublishedList? promote = null;
            foreach (var (sequence, pending) in collection.Pending)
            {
                if (pending.Content.Effective <= now)
                {
                    promote = pending;
                }
            }

            if (promote is not null)
            {
                foreach (var sequence in collection.Pending.Keys.Where(s => s <= promote.Content.Sequence).ToList())
                {
                    collection.Pending.Remove(sequence);
                }

                collection.Current = promote;
                collection.Status = PublisherStatus.Available;
                ApplyListedManifests(promote);
            }

            if (collection.Status == PublisherStatus.Available && collection.Current is { } current && current.Content.Expiration <= now)
            {
                collection.Status = PublisherStatus.Expired;
            }
        }

        var counts = new Dictionary<ValidatorKey, int>();
        foreach (var collection in _publishers.Values.Where(c => c.Status == PublisherStatus.Available && c.Current is not null))
        {
            foreach (var key in collection.Current!.Content.Validators.Distinct())
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        var trusted = counts.Where(c => c.Value >= Threshold).Select(c => c.Key).Concat(_static)
            .Where(k => !ValidatorManifests.IsRevoked(k)).ToHashSet();
        var quorumBefore = Quorum;
        var changed = !trusted.SetEquals(_trusted);
        _trusted = trusted;
        Quorum = ComputeQuorum();
        return changed || Quorum != quorumBefore;
    }

    /// <summary>
    /// rippled's <c>calculateQuorum</c> without a negative UNL (it lives in the ledger, which Peerd does not hold):
    /// <c>ceil(max(0.8·n, 0.6·n))</c> over the trusted set, unreachable while too many publishers have no current list.
    /// </summary>
    public static int QuorumFor(int unlSize, int publishers, int unavailablePublishers, int threshold)
    {
        if (publishers > 0 && unavailablePublishers >= publishers - threshold + 1)
        {
            return int.MaxValue;
        }

        if (unlSize == 0)
        {
            return int.MaxValue;
        }

        // Single-precision as rippled computes it (size_t * 0.8f).
        return (int)Math.Max(MathF.Ceiling(unlSize * 0.8f), MathF.Ceiling(unlSize * 0.6f));
    }

    private int ComputeQuorum() => QuorumFor(
        _trusted.Count,
        _publishers.Count,
        _publishers.Values.Count(c => c.Status != PublisherStatus.Available),
        Threshold);

    private (ListDisposition Disposition, ValidatorKey? Publisher) ApplyOne(string outerManifest, uint version, ListBlobInfo blob, uint now, string siteUri)
    {
        var manifestText = blob.Manifest ?? outerManifest;
        var (disposition, publisher, content) = Verify(manifestText, blob, now);
        if (disposition > ListDisposition.Pending)
        {
            return (disposition, publisher);
        }

        var collection = _publishers[publisher!];
        var accepted = disposition is ListDisposition.Accepted or ListDisposition.Expired;
        if (accepted)
        {
            collection.Status = disposition == ListDisposition.Accepted ? PublisherStatus.Available : PublisherStatus.Expired;
        }

        collection.RawManifest = outerManifest;
        if (collection.MaxSequence is not { } max || content!.Sequence > max)
        {
            collection.MaxSequence = content!.Sequence;
        }

        var list = new PublishedList(content, blob.Blob, blob.Signature, blob.Manifest, siteUri);
        if (accepted)
        {
            collection.Pending.Remove(content.Sequence);
            collection.Current = list;
            ApplyListedManifests(list);
        }
        else
        {
            collection.Pending[content.Sequence] = list;
        }

        collection.RawVersion = Math.Max(collection.RawVersion, collection.Pending.Count > 0 ? 2 : version);
        return (disposition, publisher);
    }

    // ValidatorList::verify, in its order.
    private (ListDisposition, ValidatorKey?, ListBlob?) Verify(string manifestText, ListBlobInfo blob, uint now)
    {
        var manifest = Manifest.TryParseBase64(manifestText, out _);
        if (manifest is null || !_publishers.TryGetValue(manifest.MasterKey, out var collection))
        {
            return (ListDisposition.Untrusted, null, null);
        }

        var publisher = manifest.MasterKey;
        var revoked = manifest.Revoked;
        var result = _publisherManifests.Apply(manifest);
        if (revoked && result == ManifestDisposition.Accepted)
        {
            // "If the manifest is revoked, no future list is valid either."
            collection.Status = PublisherStatus.Revoked;
            collection.Current = null;
            collection.Pending.Clear();
        }

        if (revoked || result == ManifestDisposition.Invalid || _publisherManifests.IsRevoked(publisher))
        {
            return (ListDisposition.Untrusted, publisher, null);
        }

        var signingKey = _publisherManifests.SigningKeyOf(publisher);
        if (signingKey is null || !Peerd.Primitives.Hex.TryDecode(blob.Signature, out var signature)
            || !Manifest.TryBase64(blob.Blob, out var data) || !signingKey.Verify(data, signature))
        {
            return (ListDisposition.Invalid, publisher, null);
        }

        var content = ListBlob.TryParse(data);
        if (content is null)
        {
            return (ListDisposition.Invalid, publisher, null);
        }

        var currentSequence = collection.Current?.Content.Sequence ?? 0;
        if (content.Expiration <= content.Effective)
        {
            return (ListDisposition.Invalid, publisher, null);
        }

        if (content.Sequence < currentSequence)
        {
            return (ListDisposition.Stale, publisher, null);
        }

        if (content.Sequence == currentSequence)
        {
            return (ListDisposition.SameSequence, publisher, null);
        }

        if (content.Expiration <= now)
        {
            return (ListDisposition.Expired, publisher, content);
        }

        if (content.Effective > now)
        {
            var fresh = collection.MaxSequence is not { } max || content.Sequence > max
                || (!collection.Pending.ContainsKey(content.Sequence) && collection.Pending.TryGetValue(max, out var last) && content.Effective < last.Content.Effective);
            return (fresh ? ListDisposition.Pending : ListDisposition.KnownSequence, publisher, fresh ? content : null);
        }

        return (ListDisposition.Accepted, publisher, content);
    }

    private void ApplyListedManifests(PublishedList list)
    {
        foreach (var text in list.Content.Manifests)
        {
            if (Manifest.TryParseBase64(text, out _) is { } manifest)
            {
                ValidatorManifests.Apply(manifest);
            }
        }
    }
}
