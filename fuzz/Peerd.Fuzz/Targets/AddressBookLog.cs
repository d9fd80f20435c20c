using System.Buffers.Binary;
using System.Numerics;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Peerd.Crypto;
using Peerd.Lightning.Gossip;
using Peerd.Lightning.Node;
using Peerd.Lightning.Protocol.Addresses;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Transport;

namespace Peerd.Fuzz.Targets;

/// <summary>
/// The address book's log as a crash, a full disk or a hostile editor leaves it: the first byte's low bit says
/// whether to make every record's CRC-32C valid again first (so the records' bodies themselves are hostile). The
/// book always opens — torn or corrupt tails cut off, an unreadable file moved aside — and reopens the same.
/// </summary>
internal static class AddressBookLog
{
    public static FuzzTarget Target { get; } = new("address-book", "selector byte (checksums as given / fixed) + the log file", Seeds, Run);

    private static IEnumerable<byte[]> Seeds()
    {
        var log = ValidLog();
        return [[0, .. log], [1, .. log]];
    }

    private static void Run(byte[] input)
    {
        if (input.Length == 0)
        {
            return;
        }

        var directory = Directory.CreateTempSubdirectory("peerd-fuzz-book-").FullName;
        try
        {
            var path = Path.Combine(directory, AddressBook.FileName);
            var log = input[1..];
            File.WriteAllBytes(path, (input[0] & 1) == 1 ? FixChecksums(log) : log);
            AddressBookStatistics first;
            using (var book = AddressBook.Open(path, TimeProvider.System, NullLogger.Instance))
            {
                first = book.Statistics;
            }

            using var again = AddressBook.Open(path, TimeProvider.System, NullLogger.Instance);
            FuzzInvariantException.Check((first.Nodes, first.Announced) == (again.Statistics.Nodes, again.Statistics.Announced), "the book reopened with other contents");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>A real log: three announced nodes and one address we connected to.</summary>
    private static byte[] ValidLog()
    {
        var directory = Directory.CreateTempSubdirectory("peerd-fuzz-book-").FullName;
        try
        {
            var path = Path.Combine(directory, AddressBook.FileName);
            using (var book = AddressBook.Open(path, TimeProvider.System, NullLogger.Instance))
            {
                var now = (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                book.TryAccept(Sign(1, now, WireAddress.FromIPAddress(IPAddress.Parse("203.0.113.1"), 9735)));
                book.TryAccept(Sign(2, now, WireAddress.FromIPAddress(IPAddress.Parse("2001:db8::2"), 9735), LightningMessages.Addresses[2]));
                book.TryAccept(Sign(3, now, WireAddress.FromHostname("node3.example.com", 9735)));
                book.RememberConnected(NodeId.FromBytes(Key(1).PublicKey), PeerEndpoint.FromIp(IPAddress.Parse("203.0.113.1"), 9735));
            }

            return File.ReadAllBytes(path);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static StaticKey Key(int n)
    {
        var secret = new byte[32];
        secret[0] = 0x42;
        secret[31] = (byte)n;
        return new StaticKey(secret);
    }

    private static NodeAnnouncement Sign(int n, uint timestamp, params WireAddress[] addresses) =>
        NodeAnnouncement.Sign(Key(n), OurFeatures.Node, timestamp, [0x01, 0x02, (byte)n], $"node-{n}", addresses);

    /// <summary>Walks the frames after the 8-byte header and rewrites each checksum over its length and body.</summary>
    private static byte[] FixChecksums(byte[] log)
    {
        var bytes = (byte[])log.Clone();
        var at = 8;
        while (at + 8 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at));
            if (length > (uint)(bytes.Length - at - 8))
            {
                break;
            }

            var crc = ~Crc32C(Crc32C(uint.MaxValue, bytes.AsSpan(at, 4)), bytes.AsSpan(at + 8, (int)length));
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(at + 4), crc);
            at += 8 + (int)length;
        }

        return bytes;
    }

    /// <summary>Continues a running (not inverted) CRC-32C (Castagnoli, as the log's frames use) over <paramref name="data"/>.</summary>
    private static uint Crc32C(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return crc;
    }
}
