using System.Text.Json;
using Peerd.Lightning.Gossip;
using Peerd.Lightning.Node;

namespace Peerd.Lightning.Rpc;

/// <summary>
/// A streamed <c>listnodes</c>: the node ids are taken once (the graph's nodes and the address book's, ordered by id),
/// then each piece looks up <see cref="Tuning.ListNodesPerPiece"/> of them and writes their entries. A node's
/// announcement is the address book's (every stored one reaches it), else the graph's.
/// </summary>
internal sealed class ListNodesCursor(AddressBook book, ChannelGraph? graph, NodeId[] ids)
{
    private int _next;

    /// <summary>The ids to list: <paramref name="only"/> if given (when known), else every node, ordered by id.</summary>
    public static NodeId[] Ids(AddressBook book, ChannelGraph? graph, NodeId? only)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (only is { } id)
        {
            return book.Find(id) is not null || (graph?.HasNode(id) ?? false) ? [id] : [];
        }

        var all = new HashSet<NodeId>(book.NodeIds());
        if (graph is not null)
        {
            all.UnionWith(graph.NodeIds());
        }

        var sorted = all.ToArray();
        Array.Sort(sorted, static (a, b) => a.Bytes.SequenceCompareTo(b.Bytes));
        return sorted;
    }

    /// <summary>Writes the next piece's entries; false once the last is written.</summary>
    public bool WriteNext(Utf8JsonWriter writer)
    {
        int end = Math.Min(ids.Length, _next + Tuning.ListNodesPerPiece);
        for (; _next < end; _next++)
        {
            var id = ids[_next];
            var record = book.Find(id);
            if (record?.Announcement is null && graph?.AnnouncementOf(id) is { } announcement)
            {
                record = new NodeRecord(id, announcement, record?.Connected ?? []);
            }

            ListNodesJson.Write(writer, record ?? new NodeRecord(id, null, []));
        }

        return _next < ids.Length;
    }
}
