using System.Text.Json.Nodes;
using Peerd.Crypto;
using Peerd.Primitives;

namespace Peerd.EndToEnd.Tests.Infrastructure;

/// <summary>
/// tests/interop/lightning/gossip-server.js: a node-lightning peer that streams a gossip store to whoever sends it a
/// gossip_timestamp_filter, the way Core Lightning streams its own.
/// </summary>
public sealed class GossipServer : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private GossipServer(ChildProcess process, string nodeId, int port)
    {
        _process = process;
        NodeId = nodeId;
        Port = port;
    }

    /// <summary>Its node id (hex).</summary>
    public string NodeId { get; }

    /// <summary>Its port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Starts serving <paramref name="storePath"/>.</summary>
    public static async Task<GossipServer> StartAsync(string storePath)
    {
        var secret = Enumerable.Repeat((byte)0x5A, 32).ToArray();
        var process = ChildProcess.Start("node", ["lightning/gossip-server.js", "127.0.0.1", "0", Hex.Encode(secret), storePath, SignedGraph.RegtestChain], RepoPaths.Interop);
        try
        {
            // Reading and indexing a 48 MB store takes a while on a loaded machine: several deadlines, while it runs.
            JsonObject? listening = null;
            for (int attempt = 0; listening is null; attempt++)
            {
                try
                {
                    listening = await process.WaitForEventAsync("listening").ConfigureAwait(false);
                }
                catch (TimeoutException) when (attempt < 9 && !process.HasExited)
                {
                }
            }

            Assert.Equal(Hex.Encode(Secp256k1.CreatePublicKey(secret)), listening["pubkey"]!.GetValue<string>());
            return new GossipServer(process, listening["pubkey"]!.GetValue<string>(), listening["port"]!.GetValue<int>());
        }
        catch
        {
            await process.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Waits for a named event (filter, dumped).</summary>
    public Task<JsonObject> WaitForEventAsync(string name) => _process.WaitForEventAsync(name);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
