using Peerd.Lightning.Protocol.Gossip;

namespace Peerd.Lightning.Chain;

/// <summary>Where funding outputs are looked up (a bitcoind, for Core Lightning's <c>bitcoin-*</c> options).</summary>
public interface IChainSource
{
    /// <summary>
    /// The output <paramref name="id"/> names (block height, transaction index in the block, output index), if it
    /// exists and is unspent. Never throws for the source's failures: they are <see cref="ChainLookupStatus.Unavailable"/>.
    /// Each call has its own deadline.
    /// </summary>
    Task<ChainLookup> LookupAsync(ShortChannelId id, CancellationToken cancellationToken);
}
