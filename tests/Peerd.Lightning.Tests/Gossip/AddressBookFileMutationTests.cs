using System.Buffers.Binary;
using Microsoft.Extensions.Logging.Abstractions;
using Peerd.Lightning.Gossip;
using Peerd.Lightning.Transport;
using Peerd.TestKit.Fuzzing;
using Xunit.Abstractions;

namespace Peerd.Lightning.Tests.Gossip;

/// <summary>
/// The address book replays whatever a crash, a full disk or a hostile editor left in its file: mutated logs (raw,
/// and with every record's checksum made valid again so the bodies themselves are hostile) always open — torn or
/// corrupt tails cut off, an unreadable file moved aside — never an exception; and what opened opens again the same.
/// </summary>
public sealed class AddressBookFileMutationTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("peerd-book-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MutatedAddressBookFilesOpenAndReopenTheSame(bool fixChecksums)
    {
        var path = Path.Combine(_directory, AddressBook.FileName);
        var corpus = new[] { ValidLog(path) };
        Fuzzer.Run(
            new FuzzTarget(fixChecksums ? "address book log (checksums fixed)" : "address book log (raw)", corpus, input =>
            {
                foreach (var file in Directory.GetFiles(_directory))
                {
                    File.Delete(file);
                }

                File.WriteAllBytes(path, fixChecksums ? FixChecksums(input) : input);
                AddressBookStatistics first;
                using (var book = AddressBook.Open(path, TimeProvider.System, NullLogger.Instance))
                {
                    first = book.Statistics;
                }

                using (var again = AddressBook.Open(path, TimeProvider.System, NullLogger.Instance))
                {
                    Assert.Equal((first.Nodes, first.Announced), (again.Statistics.Nodes, again.Statistics.Announced));
                }

                return first.Nodes > 0 ? FuzzVerdict.Decoded : FuzzVerdict.Rejected;
            }) { Inputs = 400, AllocationBase = 512 * 1024, AllocationPerByte = 64, MaxLength = 16 * 1024 },
            output);
    }

    [Fact]
    public void AnEmptyRecordWithAValidChecksumIsSkipped()
    {
        // Found by the mutation run: a record with no kind byte threw while the daemon started.
        var path = Path.Combine(_directory, AddressBook.FileName);
        var log = ValidLog(path);
        byte[] empty = [0, 0, 0, 0, 0, 0, 0, 0];
        File.WriteAllBytes(path, [.. log, .. FixChecksums([.. "PEERDAB\u0001"u8, .. empty])[8..]]);
        using var book = AddressBook.Open(path, TimeProvider.System, NullLogger.Instance);
        Assert.Equal(3, book.Statistics.Nodes);
    }

    /// <summary>A real log: three announced nodes and one address we connected to.</summary>
    private static byte[] ValidLog(string path)
    {
        using (var book = AddressBook.Open(path, TimeProvider.System, NullLogger.Instance))
        {
            var now = (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            book.TryAccept(Announcements.Sign(1, now, Announcements.IPv4("203.0.113.1")));
            book.TryAccept(Announcements.Sign(2, now, Announcements.IPv6("2001:db8::2"), Announcements.Onion()));
            book.TryAccept(Announcements.Sign(3, now, Announcements.Dns("node3.example.com")));
            book.RememberConnected(Announcements.Id(1), PeerEndpoint.FromIp(System.Net.IPAddress.Parse("203.0.113.1"), 9735));
        }

        var bytes = File.ReadAllBytes(path);
        File.Delete(path);
        return bytes;
    }

    /// <summary>Walks the frames after the 8-byte header and rewrites each checksum over its (mutated) length and body.</summary>
    private static byte[] FixChecksums(byte[] input)
    {
        var bytes = (byte[])input.Clone();
        var at = 8;
        while (at + 8 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at));
            if (length > (uint)(bytes.Length - at - 8))
            {
                break;
            }

            var crc = Crc32C(bytes.AsSpan(at, 4), bytes.AsSpan(at + 8, (int)length));
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(at + 4), crc);
            at += 8 + (int)length;
        }

        return bytes;
    }

    private static uint Crc32C(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var crc = 0xFFFF_FFFFu;
        foreach (var part in new[] { first.ToArray(), second.ToArray() })
        {
            foreach (var b in part)
            {
                crc ^= b;
                for (var k = 0; k < 8; k++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F6_3B78u : crc >> 1;
                }
            }
        }

        return ~crc;
    }
}
