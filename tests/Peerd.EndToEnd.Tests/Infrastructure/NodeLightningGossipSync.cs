using System.Diagnostics;
using System.Text.Json.Nodes;
using Peerd.Primitives;

namespace Peerd.EndToEnd.Tests.Infrastructure;

/// <summary>
/// tests/interop/lightning/gossip-sync.js: node-lightning's <c>GossipManager</c> syncing the graph from a node over
/// <c>gossip_queries</c>, every signature checked by its own <c>GossipFilter</c>; reports what its store then holds.
/// </summary>
public sealed class NodeLightningGossipSync : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private NodeLightningGossipSync(ChildProcess process) => _process = process;

    /// <summary>Starts syncing from the node <paramref name="nodeId"/> at 127.0.0.1:<paramref name="port"/>.</summary>
    public static NodeLightningGossipSync Start(string nodeId, int port)
    {
        var secret = Enumerable.Repeat((byte)0x6B, 32).ToArray();
        return new(ChildProcess.Start("node", ["lightning/gossip-sync.js", "127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture), Hex.Encode(secret), nodeId, SignedGraph.RegtestChain], RepoPaths.Interop));
    }

    /// <summary>The <c>synced</c> event (channels, updates, nodes, errors), waiting up to <paramref name="deadline"/> while the sync runs.</summary>
    public async Task<JsonObject> WaitForSyncedAsync(TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await _process.WaitForEventAsync("synced").ConfigureAwait(false);
            }
            catch (TimeoutException) when (clock.Elapsed < deadline && !_process.HasExited)
            {
                // A full graph takes minutes on a loaded machine; the script reports progress meanwhile.
            }
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
