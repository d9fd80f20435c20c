using System.Text.Json;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Primitives;

namespace Peerd.Lightning.Chain;

/// <summary>
/// Looks outputs up through bitcoind: <c>getblockhash</c> of the block height, <c>getblock</c> (verbosity 1: the txid
/// list) and <c>gettxout</c> of the transaction's output (null: spent or never existed). The txid lists of the last
/// <see cref="CachedBlocks"/> blocks asked about are kept (a sync announces many channels per block).
/// </summary>
public sealed class BitcoindChainSource : IChainSource, IDisposable
{
    /// <summary>Blocks whose txid lists are kept.</summary>
    public const int CachedBlocks = 64;

    private const int InvalidParameter = -8;
    private const int NotFound = -5;

    private readonly BitcoindRpc _rpc;
    private readonly Lock _lock = new();
    private readonly Dictionary<uint, Task<string[]?>> _blocks = [];
    private readonly Queue<uint> _order = new();

    /// <summary>Looks up through <paramref name="rpc"/> (owned: disposed with this).</summary>
    public BitcoindChainSource(BitcoindRpc rpc)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        _rpc = rpc;
    }

    /// <summary>Where the lookups go, for logs.</summary>
    public string Endpoint => _rpc.Endpoint;

    /// <inheritdoc/>
    public async Task<ChainLookup> LookupAsync(ShortChannelId id, CancellationToken cancellationToken)
    {
        try
        {
            var txids = await BlockAsync(id.Block).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (txids is null)
            {
                return ChainLookup.Missing($"block {id.Block} is not in bitcoind's chain");
            }

            if (id.TransactionIndex >= txids.Length)
            {
                return ChainLookup.Missing($"block {id.Block} has {txids.Length} transactions, none at index {id.TransactionIndex}");
            }

            var txid = txids[id.TransactionIndex];
            var output = await _rpc.CallAsync("gettxout", w => { w.WriteStringValue(txid); w.WriteNumberValue(id.OutputIndex); }, cancellationToken).ConfigureAwait(false);
            if (output.ValueKind == JsonValueKind.Null)
            {
                return ChainLookup.Missing($"output {txid}:{id.OutputIndex} is spent or does not exist");
            }

            return ReadOutput(output, txid, id.OutputIndex);
        }
        catch (BitcoindException e)
        {
            return ChainLookup.Unavailable(e.Message);
        }
        catch (ObjectDisposedException)
        {
            return ChainLookup.Unavailable("stopping");
        }
    }

    /// <summary>Closes the client.</summary>
    public void Dispose() => _rpc.Dispose();

    private static ChainLookup ReadOutput(JsonElement output, string txid, ushort index)
    {
        if (output.ValueKind == JsonValueKind.Object
            && output.TryGetProperty("scriptPubKey", out var script) && script.ValueKind == JsonValueKind.Object
            && script.TryGetProperty("hex", out var hex) && hex.ValueKind == JsonValueKind.String
            && Hex.TryDecode(hex.GetString(), out var bytes)
            && output.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Number
            && BitcoinAmount.TryParseSatoshis(value.GetRawText(), out var satoshis))
        {
            return ChainLookup.Unspent(new ChainOutput(bytes, satoshis));
        }

        return ChainLookup.Unavailable($"bitcoind's gettxout for {txid}:{index} is not in the expected form");
    }

    private Task<string[]?> BlockAsync(uint height)
    {
        Task<string[]?> task;
        lock (_lock)
        {
            if (_blocks.TryGetValue(height, out var cached) && !cached.IsFaulted && !cached.IsCanceled)
            {
                return cached;
            }

            // Shared by every lookup of the block: not cancelled by one of them (each RPC has its own deadline).
            task = FetchBlockAsync(height);
            if (!_blocks.ContainsKey(height))
            {
                _order.Enqueue(height);
            }

            _blocks[height] = task;
            while (_order.Count > CachedBlocks)
            {
                _blocks.Remove(_order.Dequeue());
            }
        }

        return task;
    }

    private async Task<string[]?> FetchBlockAsync(uint height)
    {
        await Task.Yield(); // never under the cache's lock
        JsonElement hash;
        try
        {
            hash = await _rpc.CallAsync("getblockhash", w => w.WriteNumberValue(height), CancellationToken.None).ConfigureAwait(false);
        }
        catch (BitcoindException e) when (e.RpcCode is InvalidParameter)
        {
            return null; // "Block height out of range"
        }

        if (hash.ValueKind != JsonValueKind.String)
        {
            throw new BitcoindException($"bitcoind's getblockhash {height} is not a hash");
        }

        JsonElement block;
        try
        {
            var blockHash = hash.GetString();
            block = await _rpc.CallAsync("getblock", w => { w.WriteStringValue(blockHash); w.WriteNumberValue(1); }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (BitcoindException e) when (e.RpcCode is NotFound)
        {
            return null;
        }

        if (block.ValueKind != JsonValueKind.Object || !block.TryGetProperty("tx", out var txs) || txs.ValueKind != JsonValueKind.Array)
        {
            throw new BitcoindException($"bitcoind's getblock of block {height} has no txid list");
        }

        var txids = new string[txs.GetArrayLength()];
        int i = 0;
        foreach (var tx in txs.EnumerateArray())
        {
            txids[i++] = tx.ValueKind == JsonValueKind.String ? tx.GetString()! : throw new BitcoindException($"bitcoind's getblock of block {height} lists a txid that is not a string");
        }

        return txids;
    }
}
