using System.Text.Json;
using Peerd.Lightning.Gossip;
using Peerd.Lightning.Node;

namespace Peerd.Lightning.Rpc;

/// <summary>
/// A streamed <c>listchannels</c>: the channel ids are taken once (ascending, 8 bytes a channel), then each piece
/// reads <see cref="Tuning.ListChannelsPerPiece"/> of them from the graph and writes their directions. A channel
/// removed meanwhile is skipped; one added meanwhile is not listed (as a call that came a moment earlier).
/// </summary>
internal sealed class ListChannelsCursor(ChannelGraph graph, ulong[] ids, NodeId? source, NodeId? destination)
{
    private readonly List<ChannelDirection> _piece = new(2 * Tuning.ListChannelsPerPiece);
    private int _next;

    /// <summary>Writes the next piece's entries; false once the last is written.</summary>
    public bool WriteNext(Utf8JsonWriter writer)
    {
        int count = Math.Min(Tuning.ListChannelsPerPiece, ids.Length - _next);
        _piece.Clear();
        graph.ReadDirections(ids.AsSpan(_next, count), source, destination, _piece);
        _next += count;
        foreach (var direction in _piece)
        {
            ListChannelsJson.Write(writer, direction);
        }

        return _next < ids.Length;
    }
}
