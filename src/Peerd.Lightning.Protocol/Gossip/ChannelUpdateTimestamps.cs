using System.Buffers.Binary;

namespace Peerd.Lightning.Protocol.Gossip;

/// <summary>
/// BOLT #7 <c>channel_update_timestamps</c>: <c>[u32:timestamp_node_id_1] [u32:timestamp_node_id_2]</c>, "the
/// timestamp of the <c>channel_update</c> for <c>node_id_1</c> [<c>node_id_2</c>], or 0 if there was no
/// <c>channel_update</c> from that node".
/// </summary>
/// <param name="TimestampNodeId1">The timestamp of the latest update from <c>node_id_1</c> (direction 0), or 0.</param>
/// <param name="TimestampNodeId2">The timestamp of the latest update from <c>node_id_2</c> (direction 1), or 0.</param>
public readonly record struct ChannelUpdateTimestamps(uint TimestampNodeId1, uint TimestampNodeId2)
{
    /// <summary>The encoded length: two u32.</summary>
    public const int Length = 8;

    /// <summary>Reads one from the first 8 bytes of <paramref name="source"/>.</summary>
    public static ChannelUpdateTimestamps Read(ReadOnlySpan<byte> source) =>
        new(BinaryPrimitives.ReadUInt32BigEndian(source), BinaryPrimitives.ReadUInt32BigEndian(source[4..]));

    /// <summary>Writes the 8 bytes.</summary>
    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, TimestampNodeId1);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], TimestampNodeId2);
    }
}
