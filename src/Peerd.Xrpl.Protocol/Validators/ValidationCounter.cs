namespace Peerd.Xrpl.Protocol.Validators;

/// <summary>
/// Counts trusted full validations per ledger and names the newest ledger that reached quorum — the criterion of
/// rippled's <c>LedgerMaster::checkAccept</c> (<c>numTrustedForLedger ≥ quorum</c>, and newer than the last
/// validated). Each validator counts once per ledger. Bounded: ledgers far behind the newest are forgotten. Not
/// thread-safe.
/// </summary>
public sealed class ValidationCounter
{
    /// <summary>Ledgers kept behind the newest one seen (validations for older ones are ignored).</summary>
    public const int Window = 256;

    /// <summary>Distinct ledger hashes tracked at one time (a bound against junk from trusted-but-faulty validators).</summary>
    public const int MaxLedgers = 1024;

    private readonly Dictionary<string, Entry> _ledgers = [];
    private uint _highest;

    /// <summary>The newest validated ledger, or null before the first.</summary>
    public ValidatedLedger? Validated { get; private set; }

    /// <summary>Adds a verified, current, trusted validation; returns the ledger if it just became the newest validated one.</summary>
    /// <param name="validation">The validation (signature already checked).</param>
    /// <param name="master">The validator's trusted master key.</param>
    /// <param name="quorum">The quorum now.</param>
    public ValidatedLedger? Add(Validation validation, ValidatorKey master, int quorum)
    {
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(master);
        if (!validation.Full || (_highest > Window && validation.LedgerSequence < _highest - Window))
        {
            return null;
        }

        var id = Convert.ToHexString(validation.LedgerHash);
        if (!_ledgers.TryGetValue(id, out var entry))
        {
            if (_ledgers.Count >= MaxLedgers)
            {
                Prune(force: true);
                if (_ledgers.Count >= MaxLedgers)
                {
                    return null;
                }
            }

            entry = new Entry(validation.LedgerSequence, validation.LedgerHash);
            _ledgers[id] = entry;
        }

        // A hash names one ledger: a validation claiming another sequence for it is ignored.
        if (entry.Sequence != validation.LedgerSequence || !entry.Validators.Add(master))
        {
            return null;
        }

        entry.CloseTime ??= validation.CloseTime;
        entry.SignTime = Math.Max(entry.SignTime, validation.SigningTime);
        if (validation.LedgerSequence > _highest)
        {
            _highest = validation.LedgerSequence;
            Prune(force: false);
        }

        return Check(entry, quorum);
    }

    /// <summary>Re-checks every ledger after the quorum changed; returns the newest that is now validated, if newer.</summary>
    public ValidatedLedger? Recheck(int quorum)
    {
        ValidatedLedger? result = null;
        foreach (var entry in _ledgers.Values.OrderBy(e => e.Sequence))
        {
            result = Check(entry, quorum) ?? result;
        }

        return result;
    }

    private ValidatedLedger? Check(Entry entry, int quorum)
    {
        if (entry.Validators.Count < quorum || (Validated is { } last && entry.Sequence <= last.Sequence))
        {
            return null;
        }

        Validated = new ValidatedLedger(entry.Sequence, entry.Hash, entry.CloseTime, entry.Validators.Count, entry.SignTime);
        return Validated;
    }

    private void Prune(bool force)
    {
        var floor = _highest > Window ? _highest - Window : 0;
        if (force)
        {
            floor = Math.Max(floor, Validated?.Sequence ?? 0);
        }

        foreach (var (id, entry) in _ledgers.Where(e => e.Value.Sequence < floor || (force && e.Value.Sequence <= floor)).ToList())
        {
            _ledgers.Remove(id);
        }
    }

    private sealed class Entry(uint sequence, byte[] hash)
    {
        public uint Sequence { get; } = sequence;

        public byte[] Hash { get; } = hash;

        public HashSet<ValidatorKey> Validators { get; } = [];

        public uint? CloseTime { get; set; }

        public uint SignTime { get; set; }
    }
}
