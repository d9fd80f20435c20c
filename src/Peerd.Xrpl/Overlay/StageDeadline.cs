namespace Peerd.Xrpl.Overlay;

/// <summary>A per-stage deadline on the node's clock, linked to the caller's cancellation.</summary>
internal sealed class StageDeadline : IDisposable
{
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _linked;

    public StageDeadline(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        _timeout = new CancellationTokenSource(timeout, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _timeout.Token);
        Timeout = timeout;
    }

    public CancellationToken Token => _linked.Token;

    public TimeSpan Timeout { get; }

    /// <summary>True when the deadline (not the caller) cancelled.</summary>
    public bool Expired => _timeout.IsCancellationRequested;

    public void Dispose()
    {
        _linked.Dispose();
        _timeout.Dispose();
    }
}
