using Microsoft.Win32.SafeHandles;
using System.Buffers.Binary;

namespace Peerd.Lightning.Gossip;

/// <summary>
/// The address book's append-only log: an 8-byte header (<c>PEERDAB</c> and a version byte), then records framed
/// as <c>[u32 length] [u32 crc32c(length || body)] [body]</c>, big-endian. A record reaches the operating system in
/// one <c>write</c> as soon as it is appended (so it survives the process being killed); <c>fsync</c> is the
/// caller's call. Replay stops at the first record that is cut short or fails its checksum and truncates the
/// file there: after a crash or power loss the log holds a prefix of what was written, never garbage.
/// Not thread-safe: <see cref="AddressBook"/> serialises access.
/// </summary>
internal sealed class AddressBookFile : IDisposable
{
    /// <summary>The record frame header: length and checksum.</summary>
    public const int FrameHeaderLength = 4 + 4;

    /// <summary>The largest body replay accepts: a kind byte, a maximal message (65,535) and room for a node id and time.</summary>
    public const int MaxBodyLength = 1 + 65_535 + 64;

    private static readonly byte[] Header = "PEERDAB\u0001"u8.ToArray();

    private readonly string _path;
    private FileStream _stream;

    private AddressBookFile(string path, FileStream stream)
    {
        _path = path;
        _stream = stream;
    }

    /// <summary>The file's length: header plus whole records.</summary>
    public long Length => _stream.Length;

    /// <summary>Bytes before the first record.</summary>
    public static int HeaderLength => Header.Length;

    /// <summary>The frame length of a record with a body of <paramref name="bodyLength"/> bytes.</summary>
    public static long FrameLength(int bodyLength) => FrameHeaderLength + bodyLength;

    /// <summary>
    /// Opens (or creates) the log and replays every whole record into <paramref name="onRecord"/>, in order. A file
    /// that is not an address book is moved aside to <c>&lt;path&gt;.unreadable</c> and a new one started.
    /// </summary>
    public static AddressBookFile Open(string path, Action<ReadOnlyMemory<byte>> onRecord, out ReplayReport report)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        DeleteStaleTemporary(path);
        string? movedAside = null;
        var stream = OpenStream(path, FileMode.OpenOrCreate);
        try
        {
            if (stream.Length >= Header.Length && !HasHeader(stream))
            {
                stream.Dispose();
                movedAside = path + ".unreadable";
                File.Move(path, movedAside, overwrite: true);
                stream = OpenStream(path, FileMode.CreateNew);
            }

            if (stream.Length < Header.Length)
            {
                // A new file, or one whose header write was cut short: nothing in it can be a record.
                stream.SetLength(0);
                stream.Write(Header);
                stream.Flush(flushToDisk: true);
                report = new ReplayReport(0, 0, -1, null, movedAside);
                return new AddressBookFile(path, stream);
            }

            report = Replay(stream, onRecord) with { MovedAside = movedAside };
            if (report.TruncatedAt >= 0)
            {
                stream.SetLength(report.TruncatedAt);
                stream.Flush(flushToDisk: true);
            }

            stream.Seek(0, SeekOrigin.End);
            return new AddressBookFile(path, stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Appends one record (one <c>write</c>); returns its frame length. On an I/O error the file is cut back to where it was.</summary>
    public long Append(ReadOnlySpan<byte> body)
    {
        var frame = new byte[FrameLength(body.Length)];
        WriteFrame(body, frame);
        long before = _stream.Length;
        try
        {
            _stream.Write(frame);
        }
        catch (IOException)
        {
            _stream.SetLength(before);
            _stream.Seek(0, SeekOrigin.End);
            throw;
        }

        return frame.Length;
    }

    /// <summary>Makes everything appended so far durable (<c>fsync</c>).</summary>
    public void Sync() => _stream.Flush(flushToDisk: true);

    /// <summary>
    /// The open log's handle, for <see cref="Sync(SafeFileHandle)"/> from another thread while appends go on (the
    /// stream is unbuffered, so every append has already reached the handle).
    /// </summary>
    public SafeFileHandle Handle => _stream.SafeFileHandle;

    /// <summary>
    /// <c>fsync</c> of a log handle taken earlier. Throws <see cref="ObjectDisposedException"/> when the log was
    /// rewritten or closed since (both sync on their own).
    /// </summary>
    public static void Sync(SafeFileHandle handle) => RandomAccess.FlushToDisk(handle);

    /// <summary>
    /// Replaces the log with <paramref name="bodies"/>: written to a temporary file, synced, renamed over the log,
    /// and the directory synced, so a crash at any point leaves either the old log or the new one.
    /// </summary>
    public void Rewrite(IEnumerable<byte[]> bodies)
    {
        var temporary = TemporaryPath(_path);
        using (var output = OpenStream(temporary, FileMode.Create))
        {
            // Not disposed: disposing a BufferedStream closes the file before it is synced.
            var buffered = new BufferedStream(output, 1 << 16);
            buffered.Write(Header);
            foreach (var body in bodies)
            {
                var frame = new byte[FrameLength(body.Length)];
                WriteFrame(body, frame);
                buffered.Write(frame);
            }

            buffered.Flush();
            output.Flush(flushToDisk: true);
        }

        _stream.Dispose();
        try
        {
            File.Move(temporary, _path, overwrite: true);
            Peerd.Primitives.DurableFile.FlushDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
        }
        finally
        {
            // The old log or the new one is at the path either way; keep appending to whichever it is.
            _stream = OpenStream(_path, FileMode.Open);
            _stream.Seek(0, SeekOrigin.End);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            _stream.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        _stream.Dispose();
    }

    /// <summary>Writes <c>[u32 length] [u32 crc32c(length || body)] [body]</c>.</summary>
    public static void WriteFrame(ReadOnlySpan<byte> body, Span<byte> frame)
    {
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)body.Length);
        body.CopyTo(frame[FrameHeaderLength..]);
        BinaryPrimitives.WriteUInt32BigEndian(frame[4..], Checksum(frame[..4], body));
    }

    private static uint Checksum(ReadOnlySpan<byte> length, ReadOnlySpan<byte> body) =>
        ~Crc32C.Append(Crc32C.Append(uint.MaxValue, length), body);

    private static ReplayReport Replay(FileStream stream, Action<ReadOnlyMemory<byte>> onRecord)
    {
        var handle = stream.SafeFileHandle;
        long position = Header.Length;
        long fileLength = stream.Length;
        int records = 0;
        var head = new byte[FrameHeaderLength];
        var body = new byte[MaxBodyLength];
        while (position < fileLength)
        {
            string? problem = null;
            int length = 0;
            if (fileLength - position < FrameHeaderLength)
            {
                problem = "record header cut short";
            }
            else
            {
                ReadAt(handle, head, position);
                length = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(head), int.MaxValue);
                if (length > MaxBodyLength)
                {
                    problem = $"record length {length} is over the {MaxBodyLength}-byte limit";
                }
                else if (fileLength - position - FrameHeaderLength < length)
                {
                    problem = "record cut short";
                }
                else
                {
                    ReadAt(handle, body.AsSpan(0, length), position + FrameHeaderLength);
                    if (Checksum(head.AsSpan(0, 4), body.AsSpan(0, length)) != BinaryPrimitives.ReadUInt32BigEndian(head.AsSpan(4)))
                    {
                        problem = "record checksum mismatch";
                    }
                }
            }

            if (problem is not null)
            {
                return new ReplayReport(records, fileLength - position, position, problem, null);
            }

            onRecord(body.AsMemory(0, length));
            records++;
            position += FrameHeaderLength + length;
        }

        return new ReplayReport(records, 0, -1, null, null);
    }

    private static void ReadAt(Microsoft.Win32.SafeHandles.SafeFileHandle handle, Span<byte> destination, long offset)
    {
        while (!destination.IsEmpty)
        {
            int read = RandomAccess.Read(handle, destination, offset);
            if (read == 0)
            {
                throw new EndOfStreamException("the address book shrank while being read");
            }

            destination = destination[read..];
            offset += read;
        }
    }

    private static bool HasHeader(FileStream stream)
    {
        Span<byte> header = stackalloc byte[Header.Length];
        stream.Seek(0, SeekOrigin.Begin);
        stream.ReadExactly(header);
        return header.SequenceEqual(Header);
    }

    private static FileStream OpenStream(string path, FileMode mode)
    {
        var options = new FileStreamOptions
        {
            Mode = mode,
            Access = FileAccess.ReadWrite,
            Share = FileShare.Read,
            // No buffering: each record is one write(2), in the kernel before Append returns.
            BufferSize = 0,
        };
        if (!OperatingSystem.IsWindows() && mode != FileMode.Open)
        {
            // Who we connect to is nobody else's business.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }

    private static string TemporaryPath(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.compact.tmp");

    private static void DeleteStaleTemporary(string path) => File.Delete(TemporaryPath(path));
}

/// <summary>What opening the log found.</summary>
/// <param name="Records">Whole records replayed.</param>
/// <param name="DroppedBytes">Bytes cut off the end (a torn or corrupt record and everything after it).</param>
/// <param name="TruncatedAt">Where the file was cut, or -1.</param>
/// <param name="Problem">Why, or null.</param>
/// <param name="MovedAside">Where an unreadable file was moved, or null.</param>
internal sealed record ReplayReport(int Records, long DroppedBytes, long TruncatedAt, string? Problem, string? MovedAside);
