using Microsoft.Extensions.Logging;

namespace Peerd.Lightning.Gossip;

/// <summary>
/// Logs what <see cref="GossipSyncProgress.Poll"/> reports, every <see cref="Tick"/>: each receiving peer's counts at
/// most every <see cref="GossipSyncProgress.ProgressInterval"/>, and once when a peer is done or left, with the
/// graph's totals.
/// </summary>
public sealed class GossipSyncReporter : IAsyncDisposable
{
    /// <summary>How often the progress is polled (a few entries under a lock: cheap; a report comes at most this late).</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private readonly GossipSyncProgress _progress;
    private readonly ChannelGraph _graph;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ITimer _timer;

    /// <summary>Starts polling <paramref name="progress"/> on <paramref name="time"/>'s timer, logging to <paramref name="logger"/>.</summary>
    public GossipSyncReporter(GossipSyncProgress progress, ChannelGraph graph, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _progress = progress;
        _graph = graph;
        _time = time;
        _logger = logger;
        _timer = time.CreateTimer(_ => Report(), null, Tick, Tick);
    }

    /// <summary>Logs what is due now.</summary>
    public void Report()
    {
        var reports = _progress.Poll();
        if (reports.Count == 0)
        {
            return;
        }

        var now = _time.GetUtcNow();
        int channels = _graph.ChannelCount, nodes = _graph.NodeCount;
        foreach (var (kind, peer) in reports)
        {
            var id = peer.Peer.ToString();
            long seconds = (long)peer.Duration(now).TotalSeconds;
            var r = peer.Received;
            switch (kind)
            {
                case GossipSyncReportKind.Progress:
                    GossipLog.SyncProgress(_logger, id, r.Total, seconds, r.ChannelAnnouncements, r.ChannelUpdates, r.NodeAnnouncements, peer.Accepted.Total, channels, nodes);
                    break;
                case GossipSyncReportKind.Done:
                    GossipLog.SyncDone(_logger, id, seconds, r.Total, r.ChannelAnnouncements, r.ChannelUpdates, r.NodeAnnouncements, peer.Accepted.Total, channels, nodes);
                    break;
                default:
                    GossipLog.SyncDisconnected(_logger, id, seconds, r.Total, peer.Accepted.Total);
                    break;
            }
        }
    }

    /// <summary>Stops the timer.</summary>
    public ValueTask DisposeAsync() => _timer.DisposeAsync();
}
