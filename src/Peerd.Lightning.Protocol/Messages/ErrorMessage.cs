using System.Text;

namespace Peerd.Lightning.Protocol.Messages;

/// <summary>
/// BOLT #1 <c>error</c> (type 17): <c>[channel_id:channel_id] [u16:len] [len*byte:data]</c>. The receiver "MUST fail
/// the channel referred to by <c>channel_id</c>" (all channels when it is zero).
/// </summary>
public sealed class ErrorMessage : ILightningMessage
{
    private readonly byte[] _data;

    /// <summary>Creates an error; throws <see cref="ArgumentException"/> when <paramref name="data"/> cannot fit a message.</summary>
    public ErrorMessage(ChannelId channelId, ReadOnlySpan<byte> data)
    {
        ChannelId = channelId;
        _data = PeerErrorBody.CheckData(data);
    }

    /// <inheritdoc />
    public MessageType Type => MessageType.Error;

    /// <summary>The channel concerned; <see cref="ChannelId.All"/> for all of them.</summary>
    public ChannelId ChannelId { get; }

    /// <summary>The raw data.</summary>
    public ReadOnlySpan<byte> Data => _data;

    /// <summary>The data, safe to print (see <see cref="PeerErrorText.Render"/>).</summary>
    public string DataText => PeerErrorText.Render(_data);

    /// <inheritdoc />
    public int EncodedLength => PeerErrorBody.GetEncodedLength(_data.Length);

    /// <summary>An error about all channels with ASCII/UTF-8 text.</summary>
    public static ErrorMessage FromText(string text, ChannelId channelId = default) => new(channelId, Encoding.UTF8.GetBytes(text));

    /// <summary>Decodes a whole <c>error</c> message (type included); never throws.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> message, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ErrorMessage? error, out DecodeFailure failure)
    {
        error = null;
        if (!PeerErrorBody.TryRead(message, MessageType.Error, out var channelId, out var data, out failure))
        {
            return false;
        }

        error = new ErrorMessage(channelId, data);
        return true;
    }

    /// <inheritdoc />
    public int WriteTo(Span<byte> destination) => PeerErrorBody.Write(Type, ChannelId, _data, destination);

    /// <summary>A log line: <c>error: &lt;text&gt;</c>.</summary>
    public override string ToString() => $"error: {DataText}";
}
