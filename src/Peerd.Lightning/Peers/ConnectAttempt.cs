using Peerd.Lightning.Node;
using Peerd.Lightning.Transport;

namespace Peerd.Lightning.Peers;

/// <summary>
/// One outbound attempt to a node id, shared by every concurrent <c>connect</c> for that id: addresses are tried one
/// at a time in order, new addresses from later callers are appended (deduplicated), every failure is recorded, and
/// all callers get the same outcome.
/// </summary>
public sealed class ConnectAttempt
{
    private readonly List<PeerEndpoint> _addresses = [];
    private readonly List<ConnectFailure> _failures = [];
    // Callers resume synchronously on the thread that completes the attempt (the one that read the peer's init): the
    // RPC reply leaves at once, with no hand-off to a pool thread on every connect's path. Complete is never called
    // under a lock, and the manager stops handing out an attempt once it has completed.
    private readonly TaskCompletionSource<ConnectOutcome> _outcome = new();
    private int _waiters;

    internal ConnectAttempt(NodeId id, DateTimeOffset started)
    {
        NodeId = id;
        Started = started;
    }

    /// <summary>The node being connected to.</summary>
    public NodeId NodeId { get; }

    /// <summary>When the attempt began.</summary>
    public DateTimeOffset Started { get; }

    /// <summary>The address being tried now, if any.</summary>
    public PeerEndpoint? CurrentAddress { get; private set; }

    /// <summary>The stage of the current address.</summary>
    public string? CurrentStage { get; private set; }

    /// <summary>Cancelled by <c>disconnect</c> or shutdown.</summary>
    internal CancellationTokenSource Cancellation { get; } = new();

    /// <summary>The shared outcome.</summary>
    public Task<ConnectOutcome> Outcome => _outcome.Task;

    /// <summary>A snapshot of the addresses queued so far.</summary>
    public IReadOnlyList<PeerEndpoint> Addresses
    {
        get
        {
            lock (_addresses)
            {
                return [.. _addresses];
            }
        }
    }

    /// <summary>A snapshot of the failures so far.</summary>
    public IReadOnlyList<ConnectFailure> Failures
    {
        get
        {
            lock (_addresses)
            {
                return [.. _failures];
            }
        }
    }

    /// <summary>Appends addresses not already queued.</summary>
    internal void AddAddresses(IEnumerable<PeerEndpoint> addresses)
    {
        lock (_addresses)
        {
            foreach (var address in addresses)
            {
                if (!_addresses.Contains(address))
                {
                    _addresses.Add(address);
                }
            }
        }
    }

    internal bool TryGetAddress(int index, out PeerEndpoint address)
    {
        lock (_addresses)
        {
            address = index < _addresses.Count ? _addresses[index] : null!;
            return index < _addresses.Count;
        }
    }

    /// <summary>Raised (on the dialling thread) when the address or stage being tried changes.</summary>
    public event Action<PeerEndpoint?, string?>? StageChanged;

    internal void SetStage(PeerEndpoint? address, string? stage)
    {
        CurrentAddress = address;
        CurrentStage = stage;
        StageChanged?.Invoke(address, stage);
    }

    internal void AddFailure(ConnectFailure failure)
    {
        lock (_addresses)
        {
            _failures.Add(failure);
        }
    }

    internal bool Complete(ConnectOutcome outcome) => _outcome.TrySetResult(outcome);

    /// <summary>A caller starts waiting for the outcome.</summary>
    internal void Join() => Interlocked.Increment(ref _waiters);

    /// <summary>A caller stops waiting (its own deadline passed); returns how many still wait.</summary>
    internal int Leave() => Interlocked.Decrement(ref _waiters);

    /// <summary>The message for a caller whose deadline passed: failures so far, then the current address timing out.</summary>
    internal string TimedOutMessage()
    {
        var text = new System.Text.StringBuilder(AllFailedMessage());
        if (CurrentAddress is { } address)
        {
            text.Append(new ConnectFailure(address.ToString(), CurrentStage, "Connection timed out")).Append(". ");
        }

        return text.ToString();
    }

    /// <summary>The 401 message: <c>All addresses failed: a: s: r. b: s: r. </c> (each entry ends in ". ").</summary>
    internal string AllFailedMessage()
    {
        lock (_addresses)
        {
            var text = new System.Text.StringBuilder("All addresses failed: ");
            foreach (var failure in _failures)
            {
                text.Append(failure).Append(". ");
            }

            return text.ToString();
        }
    }
}
