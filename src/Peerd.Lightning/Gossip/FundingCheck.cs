using Microsoft.Extensions.Logging;
using Peerd.Lightning.Chain;
using Peerd.Lightning.Protocol.Gossip;

namespace Peerd.Lightning.Gossip;

/// <summary>
/// Checks the funding output of each signed <c>channel_announcement</c> through an <see cref="IChainSource"/> (BOLT #7:
/// "if the <c>short_channel_id</c>'s output does NOT correspond to a P2WSH (using <c>bitcoin_key_1</c> and
/// <c>bitcoin_key_2</c>, as specified in BOLT #3) OR the output is spent: MUST ignore the message"). An announcement
/// is kept only when its output exists, is unspent and pays to <see cref="FundingOutput.ScriptPubKey(ChannelAnnouncement)"/>;
/// otherwise it is refused with the reason.
/// </summary>
/// <remarks>
/// The ingest's processor awaits the lookups of a batch (<see cref="FundingCheckOptions.Concurrency"/> at a time, each
/// with the source's deadline) before applying it in order, so a channel's updates in the same batch still find it.
/// Meanwhile the peers' read loops are held only by the ingest's existing flow control (its queue of batches).
/// When bitcoind does not answer, Core Lightning's gossipd keeps the announcement pending until lightningd's answer,
/// and lightningd retries bitcoind for <c>bitcoin-retry-timeout</c> (60 s) and then stops. Peerd defers likewise,
/// retrying for <see cref="FundingCheckOptions.DeferFor"/>, but then refuses the announcement ("bitcoind unreachable")
/// rather than stopping, and while the outage lasts refuses at once except for one probe per
/// <see cref="FundingCheckOptions.ProbeInterval"/>: an unverifiable channel is never stored, and a refused one comes
/// back with a later sync. The outage is logged as a warning at most once per <see cref="FundingCheckOptions.LogInterval"/>.
/// Checked once, on arrival: channels loaded from the gossip store are not looked up again, and a funding output spent
/// later is not watched for (Core Lightning watches blocks for it); such a channel leaves the graph when it is pruned.
/// </remarks>
public sealed class FundingCheck
{
    private readonly IChainSource _source;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly FundingCheckOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly Lock _lock = new();
    private long? _downSince;
    private long _nextProbe;
    private long _nextLog;
    private long _refusedUnreachable;

    /// <summary>Checks through <paramref name="source"/>.</summary>
    public FundingCheck(IChainSource source, TimeProvider time, ILogger logger, FundingCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _source = source;
        _time = time;
        _logger = logger;
        _options = options ?? new FundingCheckOptions();
        _slots = new SemaphoreSlim(_options.Concurrency, _options.Concurrency);
    }

    /// <summary>Announcements refused because bitcoind did not answer.</summary>
    public long RefusedUnreachable => Interlocked.Read(ref _refusedUnreachable);

    /// <summary>
    /// Checks <paramref name="announcement"/>'s funding output: a null verdict and the output's value when it is
    /// unspent and matches, else the refusal.
    /// </summary>
    public async Task<(GossipVerdict? Verdict, long Satoshis)> CheckAsync(ChannelAnnouncement announcement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        var id = announcement.ShortChannelId;
        var lookup = await LookupAsync(id, cancellationToken).ConfigureAwait(false);
        switch (lookup.Status)
        {
            case ChainLookupStatus.Unspent:
                var expected = FundingOutput.ScriptPubKey(announcement);
                if (!lookup.Output!.ScriptPubKey.AsSpan().SequenceEqual(expected))
                {
                    return (GossipVerdict.Refused($"channel_announcement {id}: the output's script {Primitives.Hex.Encode(lookup.Output.ScriptPubKey)} is not the P2WSH of bitcoin_key_1 and bitcoin_key_2 ({Primitives.Hex.Encode(expected)})"), 0);
                }

                return (null, lookup.Output.Satoshis);
            case ChainLookupStatus.Missing:
                return (GossipVerdict.Refused($"channel_announcement {id}: no unspent funding output: {lookup.Reason}"), 0);
            default:
                Interlocked.Increment(ref _refusedUnreachable);
                return (GossipVerdict.Refused($"channel_announcement {id}: funding output not checked, bitcoind unreachable: {lookup.Reason}"), 0);
        }
    }

    /// <summary>Checks every announcement of a batch still undecided, setting the verdict of the refused.</summary>
    internal async Task CheckAsync(GossipItem[] items, CancellationToken cancellationToken)
    {
        var pending = new List<Task>();
        foreach (var item in items)
        {
            if (item.Verdict is null && item.Channel is { } channel)
            {
                pending.Add(CheckItemAsync(item, channel, cancellationToken));
            }
        }

        if (pending.Count > 0)
        {
            await Task.WhenAll(pending).ConfigureAwait(false);
        }
    }

    private async Task CheckItemAsync(GossipItem item, ChannelAnnouncement channel, CancellationToken cancellationToken)
    {
        try
        {
            var (verdict, satoshis) = await CheckAsync(channel, cancellationToken).ConfigureAwait(false);
            item.Verdict = verdict;
            item.FundingSatoshis = satoshis;
        }
        catch (OperationCanceledException)
        {
            item.Verdict = GossipVerdict.Refused($"channel_announcement {channel.ShortChannelId}: funding output not checked (stopping)");
        }
    }

    private async Task<ChainLookup> LookupAsync(ShortChannelId id, CancellationToken cancellationToken)
    {
        var delay = _options.RetryDelay;
        while (true)
        {
            if (!MayTry())
            {
                return ChainLookup.Unavailable($"no answer for over {_options.DeferFor.TotalSeconds:0.#} s");
            }

            ChainLookup lookup;
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                lookup = await _source.LookupAsync(id, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _slots.Release();
            }

            if (lookup.Status != ChainLookupStatus.Unavailable)
            {
                Answered();
                return lookup;
            }

            if (!Failed(lookup.Reason!))
            {
                return lookup; // past the deferral: refused
            }

            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
        }
    }

    /// <summary>False while bitcoind has been down past the deferral and this is not the interval's probe.</summary>
    private bool MayTry()
    {
        lock (_lock)
        {
            if (_downSince is not { } since || _time.GetElapsedTime(since) < _options.DeferFor)
            {
                return true;
            }

            var now = _time.GetTimestamp();
            if (now < _nextProbe)
            {
                return false;
            }

            _nextProbe = now + (long)(_options.ProbeInterval.TotalSeconds * _time.TimestampFrequency);
            return true;
        }
    }

    private void Answered()
    {
        long? since;
        lock (_lock)
        {
            since = _downSince;
            _downSince = null;
            _nextLog = 0;
        }

        if (since is { } s)
        {
            ChainLog.Reachable(_logger, (long)_time.GetElapsedTime(s).TotalSeconds);
        }
    }

    /// <summary>Records a failure; true while the announcement may still wait (within the deferral).</summary>
    private bool Failed(string reason)
    {
        bool log;
        bool wait;
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            _downSince ??= now;
            wait = _time.GetElapsedTime(_downSince.Value) < _options.DeferFor;
            if (!wait)
            {
                // This failure was the interval's try: the next one is a probe interval away.
                _nextProbe = now + (long)(_options.ProbeInterval.TotalSeconds * _time.TimestampFrequency);
            }

            log = now >= _nextLog;
            if (log)
            {
                _nextLog = now + (long)(_options.LogInterval.TotalSeconds * _time.TimestampFrequency);
            }
        }

        if (log)
        {
            ChainLog.Unreachable(_logger, reason, _options.DeferFor.TotalSeconds, RefusedUnreachable);
        }

        return wait;
    }
}
