namespace Peerd.Lightning.Gossip;

/// <summary>
/// A compact token bucket for one channel direction or one node (kept in the graph entry, 8 bytes): Core Lightning's
/// gossipd allowed each a burst of <see cref="GossipLimits.UpdateBurst"/> updates and one more per
/// <see cref="GossipLimits.UpdateTokenSeconds"/>, so honest nodes (an update a day or less) never meet it and a spammer
/// re-signing every second is cut to one an hour.
/// </summary>
/// <param name="Tokens">Tokens left at <paramref name="At"/>.</param>
/// <param name="At">When they were counted (Unix seconds; 0 = full).</param>
internal readonly record struct GossipTokens(int Tokens, uint At)
{
    public static GossipTokens Full => new(-1, 0);

    /// <summary>Takes a token at <paramref name="now"/>; false (and unchanged) when none is left.</summary>
    public bool TryTake(uint now, GossipLimits limits, out GossipTokens after)
    {
        int tokens = Tokens < 0 ? limits.UpdateBurst : Tokens;
        uint at = Tokens < 0 ? now : At;
        if (now > at)
        {
            long refill = (now - at) / limits.UpdateTokenSeconds;
            tokens = (int)Math.Min(limits.UpdateBurst, tokens + refill);
            at += (uint)(refill * limits.UpdateTokenSeconds);
        }

        if (tokens < 1)
        {
            after = this;
            return false;
        }

        after = new GossipTokens(tokens - 1, at);
        return true;
    }
}
