using System.Buffers.Binary;
using Microsoft.Extensions.Logging;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Primitives;

namespace Peerd.Lightning.Gossip;

/// <summary>
/// The graph on disk: an append-only log in the shape of Core Lightning's <c>gossip_store</c> — a version byte, then
/// records of <c>[u16 flags][u16 length][u32 crc32c(timestamp, message)][u32 timestamp][message]</c> — holding each
/// stored message as received, and a deletion record (<see cref="DeleteType"/>, the short channel id) for each pruned
/// channel. Opening replays it into the graph without checking signatures again (every record is checksummed; the
/// file is ours, mode 0600). A torn or corrupt record ends the replay and is cut off with everything after it, so a
/// crash loses at most the record being written. Records are written to the OS after every batch and synced every
/// <see cref="SyncInterval"/>. When superseded records outnumber the live ones, opening rewrites the file from the
/// graph (into a temporary file, synced, then renamed over it).
/// </summary>
public sealed class GossipStore : IDisposable
{
    /// <summary>The file's name in the network directory (Core Lightning's is <c>gossip_store</c>).</summary>
    public const string FileName = "gossip_store";

    /// <summary>The version byte (Peerd's own; Core Lightning's current one is 14).</summary>
    public const byte Version = 0x50;

    /// <summary>A deletion record's type: the payload is the pruned channel's 8-byte short channel id.</summary>
    public const ushort DeleteType = 0xFFF0;

    /// <summary>How often appended records are synced to the disk.</summary>
    public static readonly TimeSpan SyncInterval = TimeSpan.FromSeconds(1);

    private const int HeaderLength = 12;

    private readonly string _path;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly ITimer _syncTimer;
    private FileStream? _file;
    private bool _dirty;

    private GossipStore(string path, FileStream file, ILogger logger, TimeProvider time)
    {
        _path = path;
        _file = file;
        _logger = logger;
        _syncTimer = time.CreateTimer(_ => Sync(), null, SyncInterval, SyncInterval);
    }

    /// <summary>Records replayed at open.</summary>
    public int LoadedRecords { get; private set; }

    /// <summary>
    /// Opens (or creates) the store at <paramref name="path"/> and replays it into <paramref name="graph"/>, which must be
    /// empty. A file in another format is moved aside.
    /// </summary>
    public static GossipStore Open(string path, ChannelGraph graph, TimeProvider time, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        byte[] content = File.Exists(path) ? File.ReadAllBytes(path) : [];
        if (content.Length > 0 && content[0] != Version)
        {
            var aside = path + ".unreadable";
            File.Move(path, aside, overwrite: true);
            GossipLog.StoreMovedAside(logger, path, aside);
            content = [];
        }

        var (records, goodLength) = Replay(content, graph);
        if (content.Length > 0 && goodLength < content.Length)
        {
            GossipLog.StoreTruncated(logger, path, content.Length - goodLength, goodLength);
        }

        long live = (long)graph.ChannelCount * 3 + graph.NodeCount;
        if (records > 1000 && records > 2 * live)
        {
            Rewrite(path, graph);
        }
        else if (content.Length == 0 || goodLength < content.Length)
        {
            using var fix = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None, 1, FileOptions.None);
            if (content.Length == 0)
            {
                fix.WriteByte(Version);
                goodLength = 1;
            }

            fix.SetLength(goodLength);
            fix.Flush(flushToDisk: true);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, DurableFile.PrivateMode);
        }
        var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 1 << 16);
        return new GossipStore(path, file, logger, time) { LoadedRecords = records };
    }

    /// <summary>Appends stored messages (one batch) and hands them to the OS.</summary>
    public void Append(IReadOnlyList<StoredGossip> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        uint now = (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        lock (_lock)
        {
            if (_file is null)
            {
                return;
            }

            try
            {
                foreach (var message in stored)
                {
                    uint timestamp = message.Type == MessageType.ChannelUpdate ? ChannelUpdate.ReadTimestamp(message.Message) : message.Node?.Timestamp ?? now;
                    WriteRecord(_file, message.Message, timestamp);
                }

                _file.Flush(flushToDisk: false);
                _dirty = true;
            }
            catch (IOException e)
            {
                GossipLog.StoreWriteFailed(_logger, e, _path);
                _file.Dispose();
                _file = null;
            }
        }
    }

    /// <summary>Records the pruning of <paramref name="ids"/>.</summary>
    public void AppendDeletions(IReadOnlyList<ShortChannelId> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }

        uint now = (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = new byte[2 + 8];
        BinaryPrimitives.WriteUInt16BigEndian(payload, DeleteType);
        lock (_lock)
        {
            if (_file is null)
            {
                return;
            }

            foreach (var id in ids)
            {
                id.WriteTo(payload.AsSpan(2));
                WriteRecord(_file, payload, now);
            }

            _file.Flush(flushToDisk: false);
            _dirty = true;
        }
    }

    /// <summary>Syncs what was appended.</summary>
    public void Sync()
    {
        lock (_lock)
        {
            if (_file is not null && _dirty)
            {
                _file.Flush(flushToDisk: true);
                _dirty = false;
            }
        }
    }

    /// <summary>Syncs and closes.</summary>
    public void Dispose()
    {
        _syncTimer.Dispose();
        lock (_lock)
        {
            if (_file is not null)
            {
                _file.Flush(flushToDisk: true);
                _file.Dispose();
                _file = null;
            }
        }
    }

    /// <summary>Replays records into the graph; returns how many and where the last good one ends.</summary>
    internal static (int Records, long GoodLength) Replay(ReadOnlySpan<byte> content, ChannelGraph graph)
    {
        if (content.IsEmpty)
        {
            return (0, 0);
        }

        int offset = 1;
        int records = 0;
        var pending = new Dictionary<ulong, (byte[] Node1, byte[] Node2)>();
        var released = new List<GossipItem>();
        while (offset + HeaderLength <= content.Length)
        {
            int length = BinaryPrimitives.ReadUInt16BigEndian(content[(offset + 2)..]);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(content[(offset + 4)..]);
            if (length < 2 || offset + HeaderLength + length > content.Length)
            {
                break;
            }

            var timestampAndMessage = content.Slice(offset + 8, 4 + length);
            if (~Crc32C.Append(uint.MaxValue, timestampAndMessage) != crc)
            {
                break;
            }

            var message = timestampAndMessage[4..];
            offset += HeaderLength + length;
            records++;
            if (BinaryPrimitives.ReadUInt16BigEndian(message) == DeleteType)
            {
                if (message.Length >= 10)
                {
                    graph.Remove(ShortChannelId.Read(message[2..]));
                }

                continue;
            }

            pending.Clear();
            released.Clear();
            var item = graph.Prepare(message.ToArray(), pending);
            graph.Apply(item, released);
        }

        return (records, offset);
    }

    private static void WriteRecord(Stream file, ReadOnlySpan<byte> message, uint timestamp)
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        BinaryPrimitives.WriteUInt16BigEndian(header, 0);
        BinaryPrimitives.WriteUInt16BigEndian(header[2..], (ushort)message.Length);
        BinaryPrimitives.WriteUInt32BigEndian(header[8..], timestamp);
        uint crc = Crc32C.Append(uint.MaxValue, header[8..]);
        crc = ~Crc32C.Append(crc, message);
        BinaryPrimitives.WriteUInt32BigEndian(header[4..], crc);
        file.Write(header);
        file.Write(message);
    }

    private static void Rewrite(string path, ChannelGraph graph)
    {
        var temporary = path + ".new";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            file.WriteByte(Version);
            uint now = (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            foreach (var message in graph.Snapshot(0, uint.MaxValue))
            {
                LightningMessage.TryReadType(message, out ushort type);
                uint timestamp = type == (ushort)MessageType.ChannelUpdate ? ChannelUpdate.ReadTimestamp(message) : now;
                WriteRecord(file, message, timestamp);
            }

            file.Flush(flushToDisk: true);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, DurableFile.PrivateMode);
        }
        File.Move(temporary, path, overwrite: true);
        DurableFile.FlushDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }
}
