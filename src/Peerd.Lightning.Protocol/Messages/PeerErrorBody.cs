using System.Buffers.Binary;

namespace Peerd.Lightning.Protocol.Messages;

/// <summary>
/// The shared body of <c>error</c> (17) and <c>warning</c> (1): <c>[channel_id:channel_id] [u16:len] [len*byte:data]</c>.
/// Trailing bytes after <c>data</c> are an <c>extension</c> with no defined records, which BOLT #1 lets us ignore.
/// </summary>
internal static class PeerErrorBody
{
    /// <summary>The longest <c>data</c> that fits a message: 65535 - 2 (type) - 32 (channel_id) - 2 (len).</summary>
    public const int MaxDataLength = LightningMessage.MaxLength - LightningMessage.TypeLength - ChannelId.Length - 2;

    public static int GetEncodedLength(int dataLength) => LightningMessage.TypeLength + ChannelId.Length + 2 + dataLength;

    public static byte[] CheckData(ReadOnlySpan<byte> data)
    {
        if (data.Length > MaxDataLength)
        {
            throw new ArgumentException($"data is {data.Length} bytes; at most {MaxDataLength} fit a message", nameof(data));
        }

        return data.ToArray();
    }

    public static int Write(MessageType type, ChannelId channelId, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        int length = GetEncodedLength(data.Length);
        int offset = LightningMessage.BeginWrite(destination, type, length);
        channelId.Bytes.CopyTo(destination[offset..]);
        offset += ChannelId.Length;
        BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], (ushort)data.Length);
        data.CopyTo(destination[(offset + 2)..]);
        return length;
    }

    public static bool TryRead(ReadOnlySpan<byte> message, MessageType type, out ChannelId channelId, out byte[] data, out DecodeFailure failure)
    {
        channelId = default;
        data = [];
        if (!LightningMessage.TryBeginRead(message, type, out var reader, out failure))
        {
            return false;
        }

        if (!reader.TryReadBytes(ChannelId.Length, out var id))
        {
            failure = DecodeFailure.Truncated(type, "channel_id");
            return false;
        }

        if (!reader.TryReadU16Prefixed(out var bytes))
        {
            failure = DecodeFailure.Truncated(type, "data");
            return false;
        }

        channelId = new ChannelId(id);
        data = bytes.ToArray();
        return true;
    }
}
