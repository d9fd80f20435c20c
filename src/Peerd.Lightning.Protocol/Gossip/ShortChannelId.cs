using System.Buffers.Binary;
using System.Globalization;

namespace Peerd.Lightning.Protocol.Gossip;

/// <summary>
/// BOLT #7 <c>short_channel_id</c>: the funding output's 3-byte block height, 3-byte transaction index and 2-byte
/// output index, big-endian in 8 bytes; written <c>BLOCKxTXxOUT</c> as Core Lightning prints it.
/// </summary>
/// <param name="Value">The 8 bytes as a big-endian number (so ids sort by block, then transaction, then output).</param>
public readonly record struct ShortChannelId(ulong Value) : IComparable<ShortChannelId>
{
    /// <summary>The funding transaction's block height.</summary>
    public uint Block => (uint)(Value >> 40);

    /// <summary>The transaction's index in its block.</summary>
    public uint TransactionIndex => (uint)(Value >> 16) & 0xFFFFFF;

    /// <summary>The funding output's index.</summary>
    public ushort OutputIndex => (ushort)Value;

    /// <summary>Reads 8 big-endian bytes.</summary>
    public static ShortChannelId Read(ReadOnlySpan<byte> bytes) => new(BinaryPrimitives.ReadUInt64BigEndian(bytes));

    /// <summary>Composes an id from its parts.</summary>
    public static ShortChannelId From(uint block, uint transactionIndex, ushort outputIndex) =>
        new(((ulong)(block & 0xFFFFFF) << 40) | ((ulong)(transactionIndex & 0xFFFFFF) << 16) | outputIndex);

    /// <summary>Parses <c>BLOCKxTXxOUT</c>; false for anything else (each part within its width).</summary>
    public static bool TryParse(string? text, out ShortChannelId id)
    {
        id = default;
        var parts = text?.Split('x');
        if (parts is not { Length: 3 }
            || !uint.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var block) || block > 0xFFFFFF
            || !uint.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var tx) || tx > 0xFFFFFF
            || !ushort.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var output))
        {
            return false;
        }

        id = From(block, tx, output);
        return true;
    }

    /// <summary>Writes the 8 big-endian bytes.</summary>
    public void WriteTo(Span<byte> destination) => BinaryPrimitives.WriteUInt64BigEndian(destination, Value);

    /// <inheritdoc />
    public int CompareTo(ShortChannelId other) => Value.CompareTo(other.Value);

    /// <summary><c>BLOCKxTXxOUT</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Block}x{TransactionIndex}x{OutputIndex}");
}
