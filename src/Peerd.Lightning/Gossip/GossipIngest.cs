using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Peerd.Lightning.Metrics;
using Peerd.Lightning.Node;
using Peerd.Lightning.Protocol.Messages;

namespace Peerd.Lightning.Gossip;

/// <summary>
/// Takes channel gossip in at line rate without dropping it. Each peer's read loop appends messages to that peer's
/// open batch (<see cref="Offer"/>); before the loop reads the socket again it hands the batch over
/// (<see cref="FlushAsync"/>), waiting while <see cref="QueuedBatches"/> batches are already queued: the peer's
/// socket is then not read, so TCP holds the sender back (flow control, not dropping). One processor takes batches in
/// arrival order: <see cref="ChannelGraph.Prepare"/> in order, the signatures over every core, then
/// <see cref="ChannelGraph.Apply"/> in order, and hands what was stored to <see cref="Stored"/> (the store, the
/// address book, relaying). Memory is bounded by the queued batches (each at most one socket read's messages).
/// With a <see cref="FundingCheck"/>, the signed <c>channel_announcement</c>s of a batch have their funding outputs
/// looked up (concurrently, bounded) between the signatures and the apply.
/// </summary>
public sealed class GossipIngest : IAsyncDisposable
{
    /// <summary>Batches queued at most before the peers' read loops wait.</summary>
    public const int QueuedBatches = 8;

    /// <summary>Warnings sent per peer per batch at most (one bad message is enough to say so).</summary>
    private const int WarningsPerBatch = 1;

    private readonly ChannelGraph _graph;
    private readonly ILogger _logger;
    private readonly Channel<Batch> _queue = Channel.CreateBounded<Batch>(new BoundedChannelOptions(QueuedBatches) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly ConcurrentDictionary<NodeId, Batch> _open = new();
    private readonly Task _processor;
    private readonly GossipStatistics _statistics = new();
    private readonly FundingCheck? _funding;
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>
    /// Starts the processor for <paramref name="graph"/>; with <paramref name="funding"/>, announcements are kept only
    /// when their funding output checks out.
    /// </summary>
    public GossipIngest(ChannelGraph graph, ILogger logger, FundingCheck? funding = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(logger);
        _graph = graph;
        _logger = logger;
        _funding = funding;
        _processor = Task.Run(ProcessAsync);
    }

    /// <summary>Raised on the processor after each batch with the peer it came from and the messages stored, in order.</summary>
    public event Action<NodeId, IReadOnlyList<StoredGossip>>? Stored;

    /// <summary>Raised on the processor for each message not stored, with its verdict and reason (logs and tests).</summary>
    public event Action<NodeId, GossipVerdict>? Judged;

    /// <summary>
    /// Raised on the processor after each batch with the peer it came from, how many messages of each kind it held and
    /// how many of each kind were stored (a <c>node_announcement</c> held for its channel counts when it is stored).
    /// </summary>
    public event Action<NodeId, GossipCounts, GossipCounts>? Tallied;

    /// <summary>Counts of what happened to the messages taken in.</summary>
    public GossipStatistics Statistics => _statistics;

    /// <summary>
    /// Takes one <c>channel_announcement</c>, <c>channel_update</c> or <c>node_announcement</c> (type included; copied)
    /// from <paramref name="peer"/>, on its read loop. <paramref name="warn"/> queues a <c>warning</c> to that peer.
    /// </summary>
    public void Offer(NodeId peer, ReadOnlySpan<byte> message, Action<byte[]> warn)
    {
        var copy = message.ToArray();
        while (true)
        {
            var batch = _open.GetOrAdd(peer, p => new Batch(p));
            lock (batch)
            {
                if (batch.Closed)
                {
                    continue;
                }

                batch.Warn = warn;
                batch.Messages.Add(copy);
                break;
            }
        }

        Interlocked.Increment(ref _statistics.Received);
    }

    /// <summary>
    /// Hands <paramref name="peer"/>'s open batch to the processor; call before reading that peer's socket again. Waits
    /// (holding the peer's reads) while the queue is full.
    /// </summary>
    public ValueTask FlushAsync(NodeId peer, CancellationToken cancellationToken)
    {
        if (!_open.TryGetValue(peer, out var batch) || batch.Messages.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        lock (batch)
        {
            if (batch.Closed || !_open.TryUpdate(peer, new Batch(peer), batch))
            {
                return ValueTask.CompletedTask;
            }

            batch.Closed = true;
        }

        return _queue.Writer.TryWrite(batch) ? ValueTask.CompletedTask : WaitAsync(batch, cancellationToken);
    }

    /// <summary>Resolves when everything offered before the call has been applied (tests and the benchmark).</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var marker = new Batch(default) { Done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await _queue.Writer.WriteAsync(marker, cancellationToken).ConfigureAwait(false);
        await marker.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Forgets a disconnected peer's open batch (what it held is processed).</summary>
    public void OnDisconnected(NodeId peer)
    {
        if (_open.TryRemove(peer, out var batch))
        {
            lock (batch)
            {
                batch.Closed = true;
            }

            if (batch.Messages.Count > 0)
            {
                _queue.Writer.TryWrite(batch);
            }
        }
    }

    private async ValueTask WaitAsync(Batch batch, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _statistics.FlowControlWaits);
        try
        {
            await _queue.Writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            // Stopping: what the peer sent last is not processed.
        }
    }

    private async Task ProcessAsync()
    {
        var stored = new List<GossipItem>();
        await foreach (var batch in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await ProcessAsync(batch, stored).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                GossipLog.BatchFailed(_logger, e);
            }
            finally
            {
                batch.Done?.TrySetResult();
            }
        }
    }

    private async Task ProcessAsync(Batch batch, List<GossipItem> stored)
    {
        if (batch.Messages.Count == 0)
        {
            return;
        }

        var pending = new Dictionary<ulong, (byte[] Node1, byte[] Node2)>();
        var items = new GossipItem[batch.Messages.Count];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = _graph.Prepare(batch.Messages[i], pending);
        }

        Parallel.For(0, items.Length, i => items[i].Verify());
        if (_funding is not null)
        {
            await _funding.CheckAsync(items, _stopping.Token).ConfigureAwait(false);
        }

        stored.Clear();
        int warnings = 0;
        var received = default(GossipCounts);
        foreach (var item in items)
        {
            received = received.With(item.Type);
            var verdict = _graph.Apply(item, stored);
            _statistics.Count(verdict.Kind);
            LightningMetrics.GossipJudged(verdict.Kind);
            if (verdict.Kind != GossipVerdictKind.Stored)
            {
                Judged?.Invoke(batch.Peer, verdict);
            }

            if (verdict.Kind == GossipVerdictKind.Invalid)
            {
                GossipLog.GossipInvalid(_logger, batch.Peer.ToString(), verdict.Reason!);
                if (warnings++ < WarningsPerBatch)
                {
                    batch.Warn?.Invoke(WarningMessage.FromText(verdict.Reason!).ToArray());
                }
            }
            else if (verdict.Kind == GossipVerdictKind.Refused)
            {
                GossipLog.GossipRefused(_logger, batch.Peer.ToString(), verdict.Reason!);
            }
        }

        if (stored.Count > 0 && Stored is { } handler)
        {
            handler(batch.Peer, [.. stored.Select(s => new StoredGossip(s.Message, s.Type, s.Node))]);
        }

        if (Tallied is { } tallied)
        {
            var accepted = default(GossipCounts);
            foreach (var item in stored)
            {
                accepted = accepted.With(item.Type);
            }

            tallied(batch.Peer, received, accepted);
        }
    }

    /// <summary>Stops taking batches and waits for the processor to finish what is queued.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false); // lookups waiting for bitcoind give up
        await _processor.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private sealed class Batch(NodeId peer)
    {
        public NodeId Peer { get; } = peer;

        public List<byte[]> Messages { get; } = [];

        public Action<byte[]>? Warn { get; set; }

        /// <summary>Handed over: later messages go to a new batch.</summary>
        public bool Closed { get; set; }

        public TaskCompletionSource? Done { get; init; }
    }
}
