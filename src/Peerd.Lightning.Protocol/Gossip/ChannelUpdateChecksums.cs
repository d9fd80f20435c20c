using System.Buffers.Binary;

namespace Peerd.Lightning.Protocol.Gossip;

/// <summary>
/// BOLT #7 <c>channel_update_checksums</c>: <c>[u32:checksum_node_id_1] [u32:checksum_node_id_2]</c>, "the checksum
/// of the <c>channel_update</c> for <c>node_id_1</c> [<c>node_id_2</c>], or 0 if there was no <c>channel_update</c>
/// from that node". The checksum is "the CRC32C checksum ... of this <c>channel_update</c> without its
/// <c>signature</c> and <c>timestamp</c> fields".
/// </summary>
/// <param name="ChecksumNodeId1">The checksum of the latest update from <c>node_id_1</c> (direction 0), or 0.</param>
/// <param name="ChecksumNodeId2">The checksum of the latest update from <c>node_id_2</c> (direction 1), or 0.</param>
public readonly record struct ChannelUpdateChecksums(uint ChecksumNodeId1, uint ChecksumNodeId2)
{
    /// <summary>The encoded length: two u32.</summary>
    public const int Length = 8;

    /// <summary>Reads one from the first 8 bytes of <paramref name="source"/>.</summary>
    public static ChannelUpdateChecksums Read(ReadOnlySpan<byte> source) =>
        new(BinaryPrimitives.ReadUInt32BigEndian(source), BinaryPrimitives.ReadUInt32BigEndian(source[4..]));

    /// <summary>Writes the 8 bytes.</summary>
    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, ChecksumNodeId1);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ChecksumNodeId2);
    }
}
