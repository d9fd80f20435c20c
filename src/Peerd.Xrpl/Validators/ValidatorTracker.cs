using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Peerd.Peering.Metrics;
using Peerd.Xrpl.Metrics;
using Peerd.Xrpl.Overlay;
using Peerd.Xrpl.Protocol.Handshake;
using Peerd.Xrpl.Protocol.Messages;
using Peerd.Xrpl.Protocol.Validators;

namespace Peerd.Xrpl.Validators;

/// <summary>
/// Learns the network's validated ledger as a light client: lists from trusted publishers (peers, sites, the cache),
/// validators' manifests, and validations verified against the manifests' signing keys, counted per ledger until a
/// quorum of the UNL agrees. Thread-safe: peers' read loops call it concurrently; signatures are checked outside the
/// lock, and events are raised outside it.
/// </summary>
public sealed class ValidatorTracker : IXrplMessageHandler
{
    private readonly Lock _lock = new();
    private readonly ValidatorLists _lists;
    private readonly ValidationCounter _counter = new();
    private readonly ListCache? _cache;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly Dictionary<string, ListApplyResult> _lastBySource = [];
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<XrplPeer, TMStatusChange> _peerStatus = [];

    /// <summary>Builds the tracker for <paramref name="anchors"/>; lists are cached in <paramref name="cacheDirectory"/> when given.</summary>
    public ValidatorTracker(TrustAnchors anchors, string? cacheDirectory, TimeProvider time, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        Anchors = anchors;
        _lists = new ValidatorLists(anchors.PublisherKeys, anchors.StaticValidators, anchors.Threshold);
        _cache = cacheDirectory is null ? null : new ListCache(cacheDirectory);
        _time = time;
        _log = log;
        _lists.UpdateTrusted(Now);
    }

    /// <summary>Raised (outside any lock) when a newer ledger is fully validated.</summary>
    public event Action<ValidatedLedger>? LedgerValidated;

    /// <summary>Raised for every validation whose signature verified: the validation and its trusted master key (null when untrusted).</summary>
    public event Action<Validation, ValidatorKey?>? ValidationReceived;

    /// <summary>Raised for every <c>TMStatusChange</c> a peer sends (for the <c>peer_status</c> stream).</summary>
    public event Action<XrplPeer, TMStatusChange>? PeerStatusReceived;

    /// <summary>Raised for every validator manifest accepted.</summary>
    public event Action<Manifest>? ManifestAccepted;

    /// <summary>The configured anchors.</summary>
    public TrustAnchors Anchors { get; }

    /// <summary>The newest fully validated ledger, or null.</summary>
    public ValidatedLedger? Validated
    {
        get
        {
            lock (_lock)
            {
                return _counter.Validated;
            }
        }
    }

    /// <summary>The quorum now (<see cref="int.MaxValue"/> while unreachable).</summary>
    public int Quorum
    {
        get
        {
            lock (_lock)
            {
                return _lists.Quorum;
            }
        }
    }

    private uint Now => (uint)NetworkTime.ToNetworkSeconds(_time.GetUtcNow());

    /// <summary>Reads the lists cached by a previous run (each is verified again).</summary>
    public void LoadCache()
    {
        if (_cache is null)
        {
            return;
        }

        foreach (var (path, envelope) in _cache.Load())
        {
            ApplyList(envelope, $"file://{path}", persist: false);
        }
    }

    /// <summary>Applies a published list from a site, a file or a peer; verified lists are cached.</summary>
    public ListApplyResult ApplyList(ListEnvelope envelope, string source, bool persist = true)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ListApplyResult result;
        List<Manifest> accepted;
        ValidatedLedger? validated;
        int trusted;
        int quorum;
        PublisherLists? publisher = null;
        lock (_lock)
        {
            var before = _lists.ValidatorManifests.All.ToHashSet();
            result = _lists.Apply(envelope, Now, source);
            _lists.UpdateTrusted(Now);
            accepted = [.. _lists.ValidatorManifests.All.Where(m => !before.Contains(m))];
            validated = _counter.Recheck(_lists.Quorum);
            trusted = _lists.Trusted.Count;
            quorum = _lists.Quorum;
            _lastBySource[source] = result;
            if (result.Publisher is { } key && result.Best <= ListDisposition.Pending)
            {
                publisher = _lists.Publishers.First(p => p.Key.Equals(key));
                if (persist && _cache is not null)
                {
                    try
                    {
                        _cache.Save(publisher);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        ValidatorLog.CacheWriteFailed(_log, _cache.Directory, e.Message);
                    }
                }
            }
        }

        if (publisher is not null)
        {
            ValidatorLog.ListApplied(_log, source, result.Publisher!.Hex, result.Sequence ?? 0, result.Best.ToWire(), trusted, quorum == int.MaxValue ? "unreachable" : quorum.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            ValidatorLog.ListRefused(_log, source, result.Best.ToWire());
        }

        foreach (var manifest in accepted)
        {
            ManifestAccepted?.Invoke(manifest);
        }

        Announce(validated);
        return result;
    }

    /// <summary>The publishers' state, copied under the lock.</summary>
    public IReadOnlyList<PublisherView> Publishers()
    {
        lock (_lock)
        {
            return [.. _lists.Publishers.Select(p => new PublisherView(
                p.Key, p.Status, p.Current?.Content.Sequence, p.Current?.Content.Expiration, p.Current?.Content.Effective,
                p.Current?.Content.Validators.Count ?? 0, p.Current?.SiteUri, p.RawManifest, p.Pending.Values.Select(l => (l.Content.Sequence, l.Content.Effective)).ToList(),
                p.Status == PublisherStatus.Available ? ListCache.FileData(p, 1) : null,
                p.Status == PublisherStatus.Available ? ListCache.FileData(p, 2) : null))];
        }
    }

    /// <summary>
    /// What <c>peers</c> shows of a peer's last <c>TMStatusChange</c>, as rippled's <c>PeerImp::json</c>: <c>track</c>
    /// (omitted when its ledger is within 23 of our validated one, <c>diverged</c> beyond 128, else <c>unknown</c>),
    /// <c>status</c>, <c>ledger</c> (its closed ledger's hash) and <c>complete_ledgers</c>.
    /// </summary>
    public void DescribePeer(XrplPeer peer, System.Text.Json.Nodes.JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        _peerStatus.TryGetValue(peer, out var status);
        var ours = Validated?.Sequence;
        var track = "unknown";
        if (status is { HasLedgerSeq: true } && ours is { } validated)
        {
            var diff = Math.Abs((long)status.LedgerSeq - validated);
            track = diff < 24 ? string.Empty : diff > 128 ? "diverged" : "unknown";
        }

        if (track.Length > 0)
        {
            json["track"] = track;
        }

        if (status is null)
        {
            return;
        }

        if (status.HasNewStatus)
        {
            json["status"] = status.NewStatus.ToString()[2..].ToLowerInvariant();
        }

        if (status.HasLedgerHash && status.LedgerHash.Length == 32)
        {
            json["ledger"] = Convert.ToHexString(status.LedgerHash.Span);
        }

        if (status is { HasFirstSeq: true, HasLastSeq: true } && status.FirstSeq > 0 && status.LastSeq >= status.FirstSeq)
        {
            json["complete_ledgers"] = $"{status.FirstSeq} - {status.LastSeq}";
        }
    }

    /// <summary>The trusted master keys now.</summary>
    public IReadOnlyList<ValidatorKey> TrustedKeys()
    {
        lock (_lock)
        {
            return [.. _lists.Trusted];
        }
    }

    /// <summary>The manifest of a validator, by its master or signing key; null when unknown.</summary>
    public Manifest? FindManifest(ValidatorKey key)
    {
        lock (_lock)
        {
            return _lists.ValidatorManifests.Get(key) ?? _lists.ValidatorManifests.Get(_lists.ValidatorManifests.MasterKeyOf(key));
        }
    }

    /// <summary>The <c>TMStatusChange</c> for the newest validated ledger: sequence and network time, never a hash or a range.</summary>
    public static TMStatusChange StatusChange(ValidatedLedger ledger, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return new TMStatusChange
        {
            NewEvent = NodeEvent.NeAcceptedLedger,
            LedgerSeq = ledger.Sequence,
            NetworkTime = (ulong)NetworkTime.ToNetworkSeconds(now),
        };
    }

    /// <inheritdoc />
    public void OnPeerActivated(XrplPeer peer)
    {
        ArgumentNullException.ThrowIfNull(peer);

        // A new peer hears the current validated ledger at once, if it is current (rippled ignores a ledgerSeq when
        // its own validated ledger is older than two minutes; we do not send one older than that either).
        if (Validated is { } ledger && Now - (long)ledger.SignTime < 120)
        {
            peer.Send(StatusChange(ledger, _time.GetUtcNow()));
        }
    }

    /// <inheritdoc />
    public void OnMessage(XrplPeer peer, IMessage message)
    {
        ArgumentNullException.ThrowIfNull(peer);
        switch (message)
        {
            case TMManifests manifests:
                OnManifests(peer.Id, manifests);
                break;
            case TMValidatorList list:
                ApplyList(new ListEnvelope(list.Manifest.ToStringUtf8(), list.Version, [new ListBlobInfo(list.Blob.ToStringUtf8(), list.Signature.ToStringUtf8(), null)], null), $"peer #{peer.Id}");
                break;
            case TMValidatorListCollection collection when collection.Blobs.Count is > 0 and <= ListEnvelope.MaxBlobs:
                ApplyList(
                    new ListEnvelope(
                        collection.Manifest.ToStringUtf8(),
                        collection.Version,
                        [.. collection.Blobs.Select(b => new ListBlobInfo(b.Blob.ToStringUtf8(), b.Signature.ToStringUtf8(), b.HasManifest ? b.Manifest.ToStringUtf8() : null))],
                        null),
                    $"peer #{peer.Id}");
                break;
            case TMValidation validation:
                OnValidation(peer.Id, validation.Validation.ToByteArray());
                break;
            case TMStatusChange status:
                _peerStatus.AddOrUpdate(peer, status);
                PeerStatusReceived?.Invoke(peer, status);
                break;
        }
    }

    /// <summary>Checks and counts one serialized validation; returns why it was refused, or null.</summary>
    public string? OnValidation(long peerId, byte[] serialized)
    {
        var validation = Validation.TryParse(serialized, out var error);
        string? refusal = null;
        if (validation is null)
        {
            refusal = error;
        }
        else if (!validation.IsCurrent(Now))
        {
            refusal = "not current";
        }
        else if (!validation.Verify())
        {
            refusal = "invalid signature";
        }

        if (refusal is not null)
        {
            ValidatorLog.ValidationRefused(_log, peerId, refusal);
            XrplMetrics.Validation(XrplMetrics.RefusalLabel(refusal));
            return refusal;
        }

        ValidatorKey? master;
        ValidatedLedger? validated = null;
        int quorum;
        lock (_lock)
        {
            if (_lists.UpdateTrusted(Now))
            {
                validated = _counter.Recheck(_lists.Quorum);
            }

            master = _lists.TrustedMasterOf(validation!.SigningKey);
            quorum = _lists.Quorum;
            if (master is not null)
            {
                validated = _counter.Add(validation, master, quorum) ?? validated;
            }
        }

        ValidationReceived?.Invoke(validation!, master);
        XrplMetrics.Validation(master is null ? "untrusted" : "trusted");
        if (validated is not null)
        {
            PeerdMetrics.OnLedgerValidated((long)validated.Sequence);
            ValidatorLog.LedgerValidated(_log, validated.Sequence, validated.HashHex, validated.Validations, quorum);
        }

        Announce(validated);
        return master is null ? "untrusted validator" : null;
    }

    /// <summary>Applies the validator manifests a peer sent (bounded per message); malformed ones are skipped.</summary>
    public void OnManifests(long peerId, TMManifests manifests)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        var accepted = new List<Manifest>();
        foreach (var item in manifests.List.Take(XrplTuning.MaxManifestsPerMessage))
        {
            var manifest = Manifest.TryParse(item.Stobject.ToByteArray(), out var error);
            if (manifest is null)
            {
                ValidatorLog.ManifestApplied(_log, peerId, error);
                continue;
            }

            ManifestDisposition disposition;
            lock (_lock)
            {
                disposition = _lists.ApplyManifest(manifest);
                if (disposition == ManifestDisposition.Accepted && manifest.Revoked)
                {
                    _lists.UpdateTrusted(Now);
                }
            }

            ValidatorLog.ManifestApplied(_log, peerId, disposition.ToString());
            if (disposition == ManifestDisposition.Accepted)
            {
                accepted.Add(manifest);
            }
        }

        foreach (var manifest in accepted)
        {
            ManifestAccepted?.Invoke(manifest);
        }
    }

    private void Announce(ValidatedLedger? validated)
    {
        if (validated is not null)
        {
            LedgerValidated?.Invoke(validated);
        }
    }
}

/// <summary>A publisher's state for the admin views.</summary>
/// <param name="Key">The publisher's master key.</param>
/// <param name="Status">Its status.</param>
/// <param name="Sequence">The current list's sequence.</param>
/// <param name="Expiration">When it expires (seconds since the XRPL epoch).</param>
/// <param name="Effective">When it took effect.</param>
/// <param name="Count">How many validators it lists.</param>
/// <param name="Uri">Where it came from.</param>
/// <param name="Manifest">The publisher manifest (base64).</param>
/// <param name="Pending">Lists waiting to take effect: sequence and effective time.</param>
/// <param name="Version1">The <c>/vl/</c> body in version 1, when available.</param>
/// <param name="Version2">The <c>/vl/</c> body in version 2, when available.</param>
public sealed record PublisherView(
    ValidatorKey Key,
    PublisherStatus Status,
    uint? Sequence,
    uint? Expiration,
    uint? Effective,
    int Count,
    string? Uri,
    string? Manifest,
    IReadOnlyList<(uint Sequence, uint Effective)> Pending,
    System.Text.Json.Nodes.JsonObject? Version1,
    System.Text.Json.Nodes.JsonObject? Version2);
