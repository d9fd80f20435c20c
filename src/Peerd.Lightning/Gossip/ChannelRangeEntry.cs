using Peerd.Lightning.Protocol.Gossip;

namespace Peerd.Lightning.Gossip;

/// <summary>One channel of a <c>reply_channel_range</c>: its id, and what <c>query_option</c> may ask about it.</summary>
/// <param name="Id">The channel.</param>
/// <param name="Timestamps">Each direction's latest <c>channel_update</c> timestamp (0 without one).</param>
/// <param name="Checksums">Each direction's latest <c>channel_update</c> checksum (0 without one, or when not asked for).</param>
public readonly record struct ChannelRangeEntry(ShortChannelId Id, ChannelUpdateTimestamps Timestamps = default, ChannelUpdateChecksums Checksums = default);
