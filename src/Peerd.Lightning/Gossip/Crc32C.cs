using System.Buffers.Binary;
using System.Numerics;

namespace Peerd.Lightning.Gossip;

/// <summary>
/// CRC-32C (Castagnoli, RFC 3720 appendix B.4 — the checksum BOLT #7 also uses for <c>channel_update</c>), through
/// the processor's CRC32 instruction where there is one (<see cref="BitOperations.Crc32C(uint, ulong)"/>).
/// </summary>
internal static class Crc32C
{
    /// <summary>The CRC-32C of <paramref name="data"/> (initial value and final XOR <c>0xFFFFFFFF</c>).</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => ~Append(uint.MaxValue, data);

    /// <summary>Continues a running (not yet inverted) CRC over <paramref name="data"/>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        while (data.Length >= sizeof(ulong))
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[sizeof(ulong)..];
        }

        foreach (byte b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return crc;
    }
}
