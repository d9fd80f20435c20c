using System.Text;

namespace Peerd.Lightning.Protocol.Messages;

/// <summary>
/// BOLT #1 <c>warning</c> (type 1): <c>[channel_id:channel_id] [u16:len] [len*byte:data]</c>. Unlike <c>error</c>
/// it fails no channel; the receiver "SHOULD log the message", and the sender often closes the connection after it
/// (Core Lightning's "Unsupported feature N", "No common network").
/// </summary>
public sealed class WarningMessage : ILightningMessage
{
    private readonly byte[] _data;

    /// <summary>Creates a warning; throws <see cref="ArgumentException"/> when <paramref name="data"/> cannot fit a message.</summary>
    public WarningMessage(ChannelId channelId, ReadOnlySpan<byte> data)
    {
        ChannelId = channelId;
        _data = PeerErrorBody.CheckData(data);
    }

    /// <inheritdoc />
    public MessageType Type => MessageType.Warning;

    /// <summary>The channel concerned; <see cref="ChannelId.All"/> for all of them.</summary>
    public ChannelId ChannelId { get; }

    /// <summary>The raw data.</summary>
    public ReadOnlySpan<byte> Data => _data;

    /// <summary>The data, safe to print (see <see cref="PeerErrorText.Render"/>).</summary>
    public string DataText => PeerErrorText.Render(_data);

    /// <inheritdoc />
    public int EncodedLength => PeerErrorBody.GetEncodedLength(_data.Length);

    /// <summary>A warning about all channels with ASCII/UTF-8 text.</summary>
    public static WarningMessage FromText(string text, ChannelId channelId = default) => new(channelId, Encoding.UTF8.GetBytes(text));

    /// <summary>Decodes a whole <c>warning</c> message (type included); never throws.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> message, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out WarningMessage? warning, out DecodeFailure failure)
    {
        warning = null;
        if (!PeerErrorBody.TryRead(message, MessageType.Warning, out var channelId, out var data, out failure))
        {
            return false;
        }

        warning = new WarningMessage(channelId, data);
        return true;
    }

    /// <inheritdoc />
    public int WriteTo(Span<byte> destination) => PeerErrorBody.Write(Type, ChannelId, _data, destination);

    /// <summary>A log line: <c>warning: &lt;text&gt;</c>.</summary>
    public override string ToString() => $"warning: {DataText}";
}
